import {
  DEFAULT_POLICY,
  describeCheck,
  type CheckMethod,
  type CheckPolicy,
  type CheckSpec,
  type RunbookCheck,
} from './checks';

/**
 * How a runbook writes a check (docs/runbook-format.md, "Checks"): `Check: GET https://… → 200
 * contains "ok"`, `Check: prometheus <query> < 0.01`, `Check: ci`, each optionally followed by
 * how often and how strictly — `, every 30s`, `, 3 passes`, `, no autotick` (the comma is what
 * tells an option from the end of a query). The importer reads
 * it (and warns about a line it cannot read), the export writes it back the same way.
 */

const CHECK_LINE = /^check:\s*(.+)$/i;
const HTTP_LINE =
  /^(GET|HEAD|POST)\s+(https?:\/\/\S+)(?:\s*(?:→|->)\s*(\d{3}))?(?:\s+contains\s+"((?:[^"\\]|\\.)*)")?\s*$/i;
const PROM_LINE = /^prometheus\s+(.+?)\s*([<>])\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/i;
/** One policy option at the end of the line, after a comma (or a semicolon). */
const OPTION =
  /\s*[,;]\s*(?:every\s+(\d{1,5})\s*(s|secs?|seconds?|m|mins?|minutes?|h|hours?)|(\d{1,3})\s+pass(?:es)?(?:\s+in\s+a\s+row)?|(no\s+)?auto-?tick)\s*$/i;

const FORMS = '`GET|HEAD|POST <url> → <status> contains "<text>"`, `prometheus <query> < or > <number>` or `ci`';

export type CheckLineReading = { ok: true; check: RunbookCheck } | { ok: false; reason: string };

/** The text after "Check:" on a runbook line, or null when the line is not a check. */
export function checkLineBody(line: string): string | null {
  const match = CHECK_LINE.exec(line.trim());
  return match ? match[1].trim() : null;
}

function readSpec(text: string): CheckSpec | null {
  if (/^ci$/i.test(text)) return { kind: 'ci' };
  const http = HTTP_LINE.exec(text);
  if (http) {
    if (!URL.canParse(http[2])) return null;
    return {
      kind: 'http',
      url: http[2],
      method: http[1].toUpperCase() as CheckMethod,
      expectStatus: http[3] ? Number(http[3]) : 200,
      expectBodyContains: http[4] !== undefined ? http[4].replace(/\\(.)/g, '$1') : null,
    };
  }
  const prom = PROM_LINE.exec(text);
  if (prom) {
    const value = Number(prom[3]);
    if (!Number.isFinite(value) || !prom[1].trim()) return null;
    return { kind: 'prometheus', query: prom[1].trim(), comparison: prom[2] as '<' | '>', value };
  }
  return null;
}

/**
 * Takes the policy options off the end of the line, last first. Values equal to the defaults are
 * dropped, so what the export leaves out and what it writes read back the same.
 */
function readPolicy(body: string): { rest: string; policy: Partial<CheckPolicy> } | { reason: string } {
  let rest = body;
  const policy: Partial<CheckPolicy> = {};
  const seen = new Set<keyof CheckPolicy>();
  for (let match = OPTION.exec(rest); match; match = OPTION.exec(rest)) {
    rest = rest.slice(0, match.index);
    const field: keyof CheckPolicy = match[1] ? 'intervalSec' : match[3] ? 'passesNeeded' : 'autoTick';
    if (seen.has(field))
      return {
        reason: `it says ${field === 'intervalSec' ? 'every' : field === 'passesNeeded' ? 'passes' : 'autotick'} twice`,
      };
    seen.add(field);
    if (match[1]) {
      const seconds = Number(match[1]) * (/^h/i.test(match[2]) ? 3600 : /^m/i.test(match[2]) ? 60 : 1);
      if (seconds < 1 || seconds > 3600)
        return { reason: `"every ${match[1]}${match[2]}" is not between 1 s and 1 hour` };
      if (seconds !== DEFAULT_POLICY.intervalSec) policy.intervalSec = seconds;
    } else if (match[3]) {
      const passes = Number(match[3]);
      if (passes < 1 || passes > 20) return { reason: `"${match[3]} passes" is not between 1 and 20` };
      if (passes !== DEFAULT_POLICY.passesNeeded) policy.passesNeeded = passes;
    } else if (match[4]) policy.autoTick = false;
  }
  return { rest: rest.trim(), policy };
}

/** Reads what follows "Check:", with why not when it cannot (the importer warns with it). */
export function readCheckLine(body: string): CheckLineReading {
  const read = readPolicy(body.trim());
  if ('reason' in read) return { ok: false, reason: read.reason };
  const spec = readSpec(read.rest);
  if (!spec) return { ok: false, reason: `it is none of ${FORMS}` };
  return { ok: true, check: { ...spec, ...read.policy } };
}

/** What follows "Check:", or null when it is not a check this importer can run. */
export function parseCheckLine(body: string): RunbookCheck | null {
  const reading = readCheckLine(body);
  return reading.ok ? reading.check : null;
}

/** `, every 30s, 3 passes, no autotick`: the policy where it differs from the defaults. */
export function policySuffix(policy: Partial<CheckPolicy>): string {
  const parts: string[] = [];
  const interval = policy.intervalSec;
  if (interval !== undefined && interval !== DEFAULT_POLICY.intervalSec)
    parts.push(`every ${interval % 60 === 0 ? `${interval / 60}m` : `${interval}s`}`);
  if (policy.passesNeeded !== undefined && policy.passesNeeded !== DEFAULT_POLICY.passesNeeded)
    parts.push(`${policy.passesNeeded} passes`);
  if (policy.autoTick === false) parts.push('no autotick');
  return parts.map((part) => `, ${part}`).join('');
}

/** The check in the runbook's words, policy included (export, template diffs). */
export function describeRunbookCheck(check: RunbookCheck): string {
  return `${describeCheck(check)}${policySuffix(check)}`;
}

/** The "Check: …" line a runbook export writes back (readCheckLine reads it). */
export function formatCheckLine(check: RunbookCheck): string {
  return `Check: ${describeRunbookCheck(check)}`;
}

export type UnreadableCheckLine = { offset: number; text: string; reason: string };

/**
 * Takes the "Check: …" lines out of a paragraph's text (a Markdown paragraph may hold an
 * "Expected:" line and a "Check:" line together). `check` is the last one read; `unreadable`
 * the ones that could not be, by line offset in the text, for the importer to warn about.
 */
export function takeCheckLines(text: string): {
  rest: string;
  found: boolean;
  check: RunbookCheck | undefined;
  unreadable: UnreadableCheckLine[];
} {
  let check: RunbookCheck | undefined;
  let found = false;
  const unreadable: UnreadableCheckLine[] = [];
  const kept: string[] = [];
  text.split('\n').forEach((line, offset) => {
    const body = checkLineBody(line);
    if (body === null) {
      kept.push(line);
      return;
    }
    found = true;
    const reading = readCheckLine(body);
    if (reading.ok) check = reading.check;
    else unreadable.push({ offset, text: line.trim(), reason: reading.reason });
  });
  return { rest: kept.join('\n'), found, check, unreadable };
}

/** The importer's warning for a "Check:" line it could not read. */
export function unreadableCheckWarning(line: UnreadableCheckLine): string {
  const shown = line.text.length > 120 ? `${line.text.slice(0, 119)}…` : line.text;
  return `This "Check:" line could not be read (${line.reason}), so the step has no check from it: ${shown}`;
}
