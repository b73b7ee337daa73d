import { formatCheckLine } from '../check-lines';
import type {
  DecisionCondition,
  DecisionLevel,
  MetricRuleDefinition,
  TemplateDefinition,
  TemplateGate,
  TemplateItem,
  TemplatePhase,
  TemplateRole,
} from '../template-definition';
import { formatCondition, readBullet, seriesLookup, type SeriesLookup } from './conditions';
import { isDecisionLine } from './read-decision-tree';
import { SAME_SIGNER_MARK } from './read-gates';
import { opposite } from './read-metrics';
import { kindFor } from './read-phases';
import { oneLine } from './text';
import { formatOffset, formatTimeHint, headingTimeHint } from './time-hints';

/**
 * TemplateDefinition → Markdown runbook in the dialect the importer reads, written so that
 * importing it gives the same template back: every item names its role ("@dba"), every phase
 * carries an explicit time note, roles and sign-offs carry their keys, and whatever the
 * importer would otherwise guess (phase kind, an unscheduled phase) is stated outright.
 */

const SPECIAL = /[\\`*[\]~_<&]/g;
const LINKISH = /(?:https?:\/\/|www\.)\S*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

function escapeSpecials(text: string, from: number, to: number): string {
  const word = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  return text.slice(from, to).replace(SPECIAL, (m, offset: number) => {
    const i = from + offset;
    // Intraword "_" cannot emphasise; "<" only opens HTML or an autolink before a letter;
    // "&" only matters where it starts an entity such as "&amp;".
    if (m === '_' && word(text[i - 1]) && word(text[i + 1])) return m;
    if (m === '<' && !/[A-Za-z/!?]/.test(text[i + 1] ?? '')) return m;
    if (m === '&' && !/^&#?[a-zA-Z0-9]+;/.test(text.slice(i, i + 40))) return m;
    return `\\${m}`;
  });
}

/**
 * Backslash-escapes what Markdown would read as formatting, so the text comes back verbatim —
 * and only that, so "Documentation & Transfer" or "error_rate" stay readable. A URL or e-mail
 * address is left as written unless it holds such a character: GFM turns it into a link whose
 * text is the raw source, escapes included, so then its link trigger is escaped instead.
 */
export function escapeInline(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(LINKISH)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    out += escapeSpecials(text, last, start);
    SPECIAL.lastIndex = 0;
    if (SPECIAL.test(m[0])) {
      out += escapeSpecials(text, start, end)
        .replace(/(https?):/gi, '$1\\:')
        .replace(/www\./gi, 'www\\.')
        .replace(/@/g, '\\@');
    } else {
      out += m[0];
    }
    last = end;
  }
  out += escapeSpecials(text, last, text.length);
  return out.replace(/(^|\s)(#+)$/, (_m, space: string, hashes: string) => space + hashes.replace(/#/g, '\\#'));
}

/** Also escapes what would start a list, quote or heading at the start of a block. */
function escapeBlock(text: string): string {
  return escapeInline(text)
    .replace(/^(\d{1,9})([.)])/, '$1\\$2')
    .replace(/^([-+=>#])/, '\\$1');
}

function paragraphs(text: string, prefix = ''): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => prefix + escapeBlock(line.trim()))
        .join('\n'),
    )
    .flatMap((p, i) => (i ? [prefix.trimEnd(), p] : [p]));
}

function fence(code: string, indent: string): string[] {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(longest + 1);
  return [indent + marks, ...code.split('\n').map((line) => (line ? indent + line : '')), indent + marks];
}

const SAFE_INLINE = /^[^\s\\`*_[\]<>&~|#!](?:[^\n\\`*_[\]<>&~|#!]*[^\s\\`*_[\]<>&~|#!])?$/;

function item(entry: TemplateItem, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const inner = `${pad}  `;
  out.push(`${pad}- [${entry.doneBeforeStart ? 'x' : ' '}] ${escapeBlock(oneLine(entry.title))} @${entry.roleKey}`);
  if (entry.command) out.push(...fence(entry.command, inner));
  if (entry.expectedOutput) {
    const text = entry.expectedOutput;
    // Without a command block before it, a blank line keeps the line out of the item's title.
    if (!entry.command) out.push('');
    if (SAFE_INLINE.test(text) && !/\s{2}/.test(text)) out.push(`${inner}Expected: ${text}`);
    else out.push(`${inner}Expected output:`, ...fence(text, inner));
  }
  if (entry.check) {
    // Its own paragraph unless it follows an "Expected:" line (read apart from it, see takeCheckLines).
    if (!entry.command && !entry.expectedOutput) out.push('');
    out.push(`${inner}${formatCheckLine(entry.check)}`);
  }
  for (const child of entry.children) item(child, depth + 1, out);
}

function items(list: TemplateItem[], out: string[]): void {
  let section: string | null = null;
  let run: string[] = [];
  const flush = () => {
    if (run.length) out.push(...run, '');
    run = [];
  };
  for (const entry of list) {
    const next = entry.section ?? null;
    if (next !== section) {
      flush();
      // A thematic break closes a section, for items that follow it without one.
      out.push(next === null ? '---' : `### ${escapeInline(oneLine(next))}`, '');
      section = next;
    }
    item(entry, 0, run);
  }
  flush();
}

function roleCell(key: string, roles: TemplateRole[]): string {
  const role = roles.find((r) => r.key === key);
  return `${cell(role?.name ?? key)} (@${key})`;
}

function gate(g: TemplateGate, roles: TemplateRole[], out: string[]): void {
  const label =
    g.kind === 'checkpoint'
      ? `Checkpoint: ${escapeInline(oneLine(g.title))}${g.offsetMin != null ? ` (${formatOffset(g.offsetMin)})` : ''}`
      : `Gate: ${escapeInline(oneLine(g.title))}`;
  const sameSigner = g.allowSameSigner ? ` ${SAME_SIGNER_MARK}` : '';
  out.push(`**${label}${sameSigner}**`, '', '| Role | Sign-off |', '| --- | --- |');
  for (const key of g.requiredRoles) out.push(`| ${roleCell(key, roles)} |  |`);
  out.push('');
}

function phase(p: TemplatePhase, roles: TemplateRole[], out: string[]): void {
  const hint = formatTimeHint(p.plannedStartMin ?? null, p.plannedDurationMin ?? null);
  out.push(`## ${escapeInline(oneLine(p.title))}${hint ? ` (${hint})` : ''}`, '');
  if (p.description) out.push(...paragraphs(p.description, '> '), '');
  const empty = !p.items.length && !p.gates.length;
  if (empty || kindFor(p.title, null) !== p.kind) out.push(`Kind: ${p.kind}`, '');
  if (!hint && headingTimeHint(p.title).hint) out.push('Schedule: none', '');
  items(p.items, out);
  for (const g of p.gates) gate(g, roles, out);
}

const cell = (text: string) => escapeInline(oneLine(text)).replace(/\|/g, '\\|');

function metrics(rules: MetricRuleDefinition[], out: string[]): void {
  out.push(
    '## Metrics',
    '',
    '| Metric | Series | Target | Warn threshold | Critical threshold | Unit | Sustain |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const r of rules) {
    const at = (value: number | null | undefined, comparison: string) =>
      value == null ? '' : cell(`${comparison} ${value}`);
    out.push(
      `| ${cell(r.name ?? '')} | ${cell(r.series)} | ${at(r.target, opposite(r.comparison))} | ${at(r.warn, r.comparison)} | ${at(r.critical, r.comparison)} | ${cell(r.unit ?? '')} | ${r.sustainSec ? `${r.sustainSec}s` : ''} |`,
    );
  }
  out.push('');
}

function same(a: DecisionCondition, b: DecisionCondition): boolean {
  return (
    a.series === b.series &&
    a.comparison === b.comparison &&
    a.value === b.value &&
    a.unit === b.unit &&
    a.sustainSec === b.sustainSec &&
    a.text === b.text
  );
}

function level(l: DecisionLevel, lookup: SeriesLookup, out: string[]): void {
  const title = oneLine(l.title);
  // An empty "()" keeps a title that itself ends in parentheses from being read as the action.
  const action = l.action ? ` (${escapeInline(oneLine(l.action))})` : title.endsWith(')') ? ' ()' : '';
  out.push(`### Level ${l.level}${title ? `: ${escapeInline(title)}` : ''}${action}`, '');
  for (const c of l.conditions) {
    const plain = readBullet(c.text, lookup);
    if (c.text && plain.kind === 'condition' && same(plain.condition, c) && !isDecisionLine(c.text))
      out.push(`- ${escapeBlock(c.text)}`);
    else out.push(`- ${c.text ? `${escapeBlock(c.text)} ` : ''}\`${formatCondition(c)}\``);
  }
  for (const s of l.symptoms) {
    const plain = readBullet(s, lookup);
    const verbatim = plain.kind === 'symptom' && plain.text === s && !isDecisionLine(s) && !/^symptom:/i.test(s);
    out.push(`- ${verbatim ? '' : 'Symptom: '}${verbatim ? escapeBlock(s) : escapeInline(s)}`);
  }
  out.push('');
}

export function templateToMarkdown(template: TemplateDefinition): string {
  const out: string[] = [
    `# ${escapeInline(oneLine(template.name))}`,
    '',
    '<!-- war-room: phases at heading level 2 -->',
    '',
  ];
  if (template.description) out.push(...paragraphs(template.description), '');
  out.push('## Roles', '', '| Role | Key | Contact |', '| --- | --- | --- |');
  for (const r of template.roles) out.push(`| ${cell(r.name)} | ${r.key} | ${cell(r.contact ?? '')} |`);
  out.push('');
  for (const p of template.phases) phase(p, template.roles, out);
  if (template.rules.length) metrics(template.rules, out);
  if (template.decisionTree.length) {
    out.push('## Rollback Decision Tree', '');
    const lookup = seriesLookup(template.rules);
    for (const l of template.decisionTree) level(l, lookup, out);
  }
  return `${out.join('\n').trimEnd()}\n`;
}
