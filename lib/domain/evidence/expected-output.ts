/**
 * Does pasted output show what the runbook said it would? Each line of an item's expected output
 * is read as one of a few forms, in the runbook's own words:
 *
 * - `/applied \d+ migrations?/i` — a regular expression (RE2 syntax, run in linear time);
 * - `lag < 00:00:01`, `p95 < 200ms`, `> 0 rows`, `error rate < 0.1%`, `at least 3 pods` — a
 *   number with a comparison and a unit, read after the named label (or, without one, the first
 *   value of that unit in the output);
 * - `A non-zero count` — some number in the output that is not 0;
 * - `No errors` — no error, failure or exception in the output;
 * - anything else — literal text the output must contain (case and spacing aside).
 *
 * Every line must hold for a `match`; one that fails makes a `mismatch`; a line that cannot be
 * judged (an invalid pattern, a value not found, a description rather than output) makes the
 * whole `unknown` unless another line already failed. The answer carries a one-line reason.
 */
import { RE2JS } from 're2js';
import { comparable, readBound, readQuantities, singular, valueAgainst, type Quantity } from './quantities';

export const EVIDENCE_MATCHES = ['match', 'mismatch', 'unknown'] as const;
export type EvidenceMatch = (typeof EVIDENCE_MATCHES)[number];
export type Comparison = { match: EvidenceMatch; reason: string };

/** Longer patterns are refused (unknown), not run. */
export const MAX_PATTERN_LENGTH = 1000;
const MAX_REASON = 240;
const MAX_LINES = 20;

const verdict = (match: EvidenceMatch, reason: string): Comparison => ({ match, reason });
const quote = (text: string, max = 60) => `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;

/** Ticks, crosses and notes that runbooks put after the expected text ("150000 rows ✅"). */
const DECORATION = /[\s✅✓✔☑️✗❌⚠️]+$/u;
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

function cleanLine(line: string): string {
  return line
    .replace(/^\s*(?:#|\/\/|--)?\s*(?:expected(?:\s+output|\s+result)?\s*:)?\s*/i, '')
    .replace(DECORATION, '')
    .replace(/^`([^`]*)`$/, '$1')
    .trim();
}

// ---------- literal text ----------

/** Lower-case, one space for any run of whitespace, none around JSON-ish punctuation. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/ ?([{}[\]():,=]) ?/g, '$1')
    .trim();
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/** Contains `needle` as whole words at its ends: "t" is not found in "state", "42 passed" not in "142 passed". */
function containsWords(haystack: string, needle: string): boolean {
  if (!needle) return false;
  const startsWord = isWordChar(needle[0]);
  const endsWord = isWordChar(needle[needle.length - 1]);
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if ((!startsWord || !isWordChar(before)) && (!endsWord || !isWordChar(after))) return true;
  }
  return false;
}

/** Splits "200 OK, {"a": 1, "b": 2}" at top-level ", " only: ["200 OK", "{…}"]. */
function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '{' || c === '[' || c === '(')) depth++;
    else if (!quoted && (c === '}' || c === ']' || c === ')')) depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && c === ',' && text[i + 1] === ' ') {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter(Boolean);
}

/** Five words or more, nearly all plain words: a description for a person, not text a command prints. */
function looksLikeProse(text: string): boolean {
  const tokens = text.split(/\s+/).filter(Boolean);
  const words = tokens.filter((t) => /^[a-z][a-z'-]*[.,;:]?$/i.test(t));
  return words.length >= 5 && words.length / tokens.length >= 0.75;
}

function compareLiteral(expected: string, output: string): Comparison {
  const needle = normalize(expected);
  if (containsWords(output, needle)) return verdict('match', `Output contains ${quote(expected)}`);
  const parts = topLevelParts(expected);
  if (parts.length > 1 && parts.every((part) => containsWords(output, normalize(part))))
    return verdict('match', `Output contains ${parts.map((p) => quote(p, 40)).join(' and ')}`);
  if (looksLikeProse(expected))
    return verdict('unknown', `The expected output ${quote(expected)} describes the result in words: compare by eye`);
  return verdict('mismatch', `Output does not contain ${quote(expected)}`);
}

// ---------- regular expressions ----------

const REGEX = /^\/(.+)\/([a-z]*)$/s;

export function isRegexForm(line: string): boolean {
  return REGEX.test(line);
}

function compareRegex(line: string, output: string): Comparison {
  const [, pattern, flags] = REGEX.exec(line)!;
  const shown = quote(`/${pattern}/${flags}`);
  if (pattern.length > MAX_PATTERN_LENGTH)
    return verdict('unknown', `The pattern is longer than ${MAX_PATTERN_LENGTH} characters: not run`);
  const unknownFlag = [...flags].find((f) => !'imsu'.includes(f));
  if (unknownFlag)
    return verdict('unknown', `The pattern ${shown} has a flag “${unknownFlag}” that is not supported (i, m, s)`);
  let compiled: RE2JS;
  try {
    // RE2 runs in time linear in the output: no pattern can make the server backtrack for ever.
    compiled = RE2JS.compile(
      pattern,
      (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) |
        (flags.includes('m') ? RE2JS.MULTILINE : 0) |
        (flags.includes('s') ? RE2JS.DOTALL : 0),
    );
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/^error parsing regexp:\s*/, '') : 'invalid';
    return verdict('unknown', `The pattern ${shown} is not a valid pattern (${why})`);
  }
  const found = compiled.matcher(output);
  return found.find()
    ? verdict('match', `Output matches ${shown} at ${quote(found.group() ?? '', 40)}`)
    : verdict('mismatch', `Nothing in the output matches ${shown}`);
}

// ---------- numbers with a comparison ----------

type Op = '<' | '<=' | '>' | '>=';
const OP_WORDS: [RegExp, Op][] = [
  [/^(?:<=|=<|≤|at most|no more than|not more than|within|up to)$/i, '<='],
  [/^(?:>=|=>|≥|at least|no less than|not less than|min(?:imum)?)$/i, '>='],
  [/^(?:<|under|below|less than|fewer than|lower than)$/i, '<'],
  [/^(?:>|over|above|more than|greater than|higher than)$/i, '>'],
];
const COMPARISON =
  /^(.*?)(<=|>=|=<|=>|≤|≥|<|>|\b(?:at most|no more than|not more than|within|up to|at least|no less than|not less than|under|below|less than|fewer than|lower than|over|above|more than|greater than|higher than)\b)\s*(-?\d.*)$/i;
const LABEL_TAIL = /(?:\s+|^)(?:in|is|of|was|are|should be|must be|stays?|remains?|=|:)\s*$/i;

type NumberRule = { label: string; op: Op; bound: Quantity };

function readComparison(line: string): NumberRule | null {
  const m = COMPARISON.exec(line);
  if (!m) return null;
  const op = OP_WORDS.find(([re]) => re.test(m[2].trim()))?.[1];
  const bound = readBound(m[3]);
  if (!op || !bound) return null;
  let label = m[1].trim();
  for (let i = 0; i < 3 && LABEL_TAIL.test(label); i++) label = label.replace(LABEL_TAIL, '').trim();
  return { label: label.replace(/[:=]+$/, '').trim(), op, bound };
}

const holds = (value: number, op: Op, bound: number) =>
  op === '<' ? value < bound : op === '<=' ? value <= bound : op === '>' ? value > bound : value >= bound;
const OP_TEXT: Record<Op, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

/** The label's words in order, anything but letters and digits between them: "error rate" finds "error_rate:". */
function labelPattern(label: string): RegExp | null {
  const words = label.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length > 8 || label.length > 80) return null;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join('[^\\p{L}\\p{N}]{0,3}')}(?![\\p{L}\\p{N}])`, 'giu');
}

/** The value the runbook's bound is about: after its label when the output names it, else the first of its unit. */
function findValue(rule: NumberRule, output: string): { found: Quantity; after: boolean } | { missing: string } {
  const pattern = rule.label ? labelPattern(rule.label) : null;
  if (pattern) {
    let tries = 0;
    for (let m = pattern.exec(output); m && tries < 50; m = pattern.exec(output), tries++) {
      const end = m.index + m[0].length;
      const next = readQuantities(output.slice(end, end + 400), 0, 5).find((q) => comparable(rule.bound, q, true));
      if (next) return { found: next, after: true };
    }
    // "Applied 1 migration in < 60 s": a label with a number in it is text the output must say.
    if (/(?<![\p{L}\p{N}])\d+(?![\p{L}\p{N}])/u.test(rule.label))
      return { missing: `Output does not say ${quote(rule.label)}` };
  }
  const first = readQuantities(output).find((q) => comparable(rule.bound, q, false));
  if (first) return { found: first, after: false };
  const what =
    rule.bound.dimension === 'count' ? `a count of ${rule.bound.noun}s` : rule.label ? quote(rule.label) : 'a value';
  return {
    missing: `No ${what === 'a value' ? 'value' : what} found in the output to compare with ${rule.bound.text}`,
  };
}

function compareNumber(rule: NumberRule, output: string): Comparison {
  const result = findValue(rule, output);
  if ('missing' in result)
    return verdict(/^Output does not say/.test(result.missing) ? 'mismatch' : 'unknown', result.missing);
  const { found } = result;
  const value = valueAgainst(rule.bound, found);
  const ok = holds(value, rule.op, rule.bound.value);
  const name = rule.label || (rule.bound.dimension === 'count' ? `${rule.bound.noun}s` : 'value');
  return verdict(
    ok ? 'match' : 'mismatch',
    `${name} is ${found.text}: ${ok ? '' : 'not '}${OP_TEXT[rule.op]} ${rule.bound.text}`,
  );
}

// ---------- "non-zero" and "no errors" ----------

const NON_ZERO = /\bnon[- ]?zero\b\s*([\p{L}-]+)?/iu;
const NO_PROBLEMS = /^(?:no|zero|0|without(?: any)?)\s+(errors?|failures?|warnings?|exceptions?|problems?)\b/i;

function compareNonZero(line: string, output: string): Comparison {
  const noun = NON_ZERO.exec(line)?.[1];
  const quantities = readQuantities(output);
  const named = noun ? quantities.find((q) => q.noun === singular(noun)) : undefined;
  const found = named ?? quantities[0];
  if (!found) return verdict('unknown', 'No number in the output to check is non-zero');
  return found.value !== 0
    ? verdict('match', `Found ${found.text}: non-zero`)
    : verdict('mismatch', `Found ${found.text}: expected non-zero`);
}

const PROBLEM_WORDS: Record<string, RegExp> = {
  error: /\b(?:errors?|fatal|exceptions?|panic(?:ked)?|fail(?:ed|ures?|ing)?|traceback)\b/i,
  warning: /\b(?:warn(?:ings?)?)\b/i,
};
/** Lines that mention errors only to say there are none: "0 errors", "no failures", "errors: 0". */
const NONE_SAID =
  /\b(?:no|zero|0|without(?: any)?)\s+(?:errors?|failures?|warnings?|exceptions?|problems?|failed)\b|\b(?:errors?|failures?|failed|warnings?)\s*[:=]\s*(?:0|none)\b/gi;

function compareNoProblems(kind: string, output: string): Comparison {
  const words = /warn/i.test(kind) ? PROBLEM_WORDS.warning : PROBLEM_WORDS.error;
  const lines = output.split('\n');
  for (let i = 0; i < lines.length && i < 100_000; i++) {
    const line = lines[i].replace(NONE_SAID, ' ');
    if (words.test(line)) return verdict('mismatch', `Line ${i + 1} reports a problem: ${quote(lines[i].trim(), 80)}`);
  }
  return verdict('match', `No ${kind.replace(/s$/, '')} in the output`);
}

// ---------- putting it together ----------

function compareLine(line: string, output: string, normalized: () => string): Comparison {
  if (isRegexForm(line)) return compareRegex(line, output);
  const noProblems = NO_PROBLEMS.exec(line);
  if (noProblems) return compareNoProblems(noProblems[1], output);
  if (NON_ZERO.test(line)) return compareNonZero(line, output);
  // "p95 < 200ms and error rate < 0.1%": several bounds on one line, each judged.
  const clauses = line.split(/\s*(?:;|,|\band\b)\s*/i).filter(Boolean);
  const rules = clauses.map(readComparison);
  if (clauses.length > 1 && rules.every(Boolean)) return combine(rules.map((r) => compareNumber(r!, output)));
  const rule = readComparison(line);
  if (rule) return compareNumber(rule, output);
  return compareLiteral(line, normalized());
}

function combine(results: Comparison[]): Comparison {
  const failed = results.find((r) => r.match === 'mismatch');
  if (failed) return failed;
  const unsure = results.find((r) => r.match === 'unknown');
  if (unsure) return unsure;
  return verdict('match', results.map((r) => r.reason).join('; '));
}

function oneLine(reason: string): string {
  const flat = reason.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_REASON ? `${flat.slice(0, MAX_REASON - 1)}…` : flat;
}

/** Compares pasted output with an item's expected output: match, mismatch or unknown, and why. */
export function compareWithExpected(
  expected: string | null | undefined,
  output: string | null | undefined,
): Comparison {
  const lines = (expected ?? '').split('\n').map(cleanLine).filter(Boolean).slice(0, MAX_LINES);
  if (!lines.length) return verdict('unknown', 'This step has no expected output to compare with');
  const text = (output ?? '').replace(ANSI, '');
  if (!text.trim()) return verdict('unknown', 'No pasted output to compare with the expected output');
  let cached: string | null = null;
  const normalized = () => (cached ??= normalize(text));
  const result = combine(lines.map((line) => compareLine(line, text, normalized)));
  return { match: result.match, reason: oneLine(result.reason) };
}
