import { describeRunbookCheck } from './check-lines';
import type {
  DecisionLevel,
  MetricRuleDefinition,
  TemplateDefinition,
  TemplateGate,
  TemplateItem,
  TemplatePhase,
  TemplateRole,
} from './template-definition';

/**
 * What changed between two versions of a template: phases, steps (title, command, expected output,
 * owner, section, check), gates, metric rules, roles, the decision tree and the description. Pure: the versions API, the
 * template page's side-by-side view and "what changed since your last run" all read this.
 *
 * Lists are aligned, not compared index by index: steps, phases and gates are matched by title
 * (longest common subsequence), so inserting one step reads as one `added`, not as every later
 * step `changed`. Within a stretch with no match, removed and added elements are paired in order
 * and reported as edits of each other (a step whose title was reworded). Rules are matched by
 * series, roles by key, decision levels by level.
 *
 * `path` addresses the element in the version it exists in: the `to` version for `added` and
 * `changed`, the `from` version for `removed` (e.g. `phases[1].items[0].children[2].command`).
 */

export type TemplateChangeKind = 'added' | 'removed' | 'changed';

export type TemplateChange = {
  kind: TemplateChangeKind;
  path: string;
  /** The same place in the runbook's words: `Phase 2 “Deploy” › step “Run migrations” › command`. */
  label: string;
  before?: unknown;
  after?: unknown;
};

type Pair<T> = { before: T | null; after: T | null; beforeIndex: number; afterIndex: number };

/** Beyond this many cell comparisons a stretch is not aligned (every element paired in order). */
const MAX_LCS_CELLS = 1_000_000;

/** Aligns two lists by key: matched pairs, and in each unmatched stretch removed/added paired in order. */
export function alignLists<T>(from: readonly T[], to: readonly T[], key: (t: T) => string): Pair<T>[] {
  const a = from.map(key);
  const b = to.map(key);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const matches: [number, number][] = [];
  for (let i = 0; i < start; i += 1) matches.push([i, i]);
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0 && n * m <= MAX_LCS_CELLS) {
    // lengths[i][j]: LCS of a[start+i..endA) and b[start+j..endB)
    const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i -= 1)
      for (let j = m - 1; j >= 0; j -= 1)
        lengths[i][j] =
          a[start + i] === b[start + j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[start + i] === b[start + j]) {
        matches.push([start + i, start + j]);
        i += 1;
        j += 1;
      } else if (lengths[i + 1][j] >= lengths[i][j + 1]) i += 1;
      else j += 1;
    }
  }
  for (let k = 0; k < a.length - endA; k += 1) matches.push([endA + k, endB + k]);

  const out: Pair<T>[] = [];
  let ia = 0;
  let ib = 0;
  const flushGap = (untilA: number, untilB: number) => {
    while (ia < untilA || ib < untilB) {
      const hasA = ia < untilA;
      const hasB = ib < untilB;
      out.push({
        before: hasA ? from[ia] : null,
        after: hasB ? to[ib] : null,
        beforeIndex: hasA ? ia : -1,
        afterIndex: hasB ? ib : -1,
      });
      if (hasA) ia += 1;
      if (hasB) ib += 1;
    }
  };
  for (const [ma, mb] of matches) {
    flushGap(ma, mb);
    out.push({ before: from[ma], after: to[mb], beforeIndex: ma, afterIndex: mb });
    ia = ma + 1;
    ib = mb + 1;
  }
  flushGap(a.length, b.length);
  return out;
}

/** null, undefined and '' all mean "not set"; arrays compare as sets where order means nothing. */
function norm(value: unknown): unknown {
  if (value === undefined || value === '') return null;
  return value;
}

function same(x: unknown, y: unknown): boolean {
  return JSON.stringify(norm(x)) === JSON.stringify(norm(y));
}

const titleKey = (t: { title: string }) => t.title.trim().toLowerCase();
const quote = (text: string) => `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;

function fieldChanges<T extends object>(
  out: TemplateChange[],
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
  path: string,
  label: string,
) {
  for (const field of fields) {
    const x = norm(before[field]);
    const y = norm(after[field]);
    if (!same(x, y))
      out.push({ kind: 'changed', path: `${path}.${field}`, label: `${label} › ${field}`, before: x, after: y });
  }
}

function listChanges<T>(
  out: TemplateChange[],
  from: readonly T[],
  to: readonly T[],
  key: (t: T) => string,
  at: (index: number, t: T) => { path: string; label: string },
  value: (t: T) => unknown,
  inside: (before: T, after: T, where: { path: string; label: string }) => void,
) {
  for (const pair of alignLists(from, to, key)) {
    if (pair.before && pair.after) inside(pair.before, pair.after, at(pair.afterIndex, pair.after));
    else if (pair.after) out.push({ kind: 'added', ...at(pair.afterIndex, pair.after), after: value(pair.after) });
    else if (pair.before)
      out.push({ kind: 'removed', ...at(pair.beforeIndex, pair.before), before: value(pair.before) });
  }
}

const ITEM_FIELDS = ['title', 'command', 'expectedOutput', 'roleKey', 'section', 'doneBeforeStart'] as const;
const PHASE_FIELDS = ['title', 'description', 'kind', 'plannedStartMin', 'plannedDurationMin'] as const;
const GATE_FIELDS = ['title', 'kind', 'offsetMin', 'requiredRoles', 'allowSameSigner'] as const;
const RULE_FIELDS = ['name', 'comparison', 'unit', 'target', 'warn', 'critical', 'sustainSec'] as const;

function countSteps(items: readonly TemplateItem[]): number {
  return items.reduce((n, item) => n + 1 + countSteps(item.children), 0);
}

function itemValue(item: TemplateItem) {
  return {
    title: item.title,
    roleKey: item.roleKey,
    command: norm(item.command),
    expectedOutput: norm(item.expectedOutput),
    ...(item.check ? { check: describeRunbookCheck(item.check) } : {}),
    ...(item.children.length ? { steps: countSteps(item.children) } : {}),
  };
}

/**
 * A step's check as its own change: added, removed, or changed (spec or options), each value the
 * check in the runbook's words (`GET https://… → 200, every 30s`).
 */
function checkChange(out: TemplateChange[], before: TemplateItem, after: TemplateItem, path: string, label: string) {
  const x = before.check ? describeRunbookCheck(before.check) : null;
  const y = after.check ? describeRunbookCheck(after.check) : null;
  if (x === y) return;
  const where = { path: `${path}.check`, label: `${label} › check` };
  if (x === null) out.push({ kind: 'added', ...where, after: y });
  else if (y === null) out.push({ kind: 'removed', ...where, before: x });
  else out.push({ kind: 'changed', ...where, before: x, after: y });
}

function itemChanges(out: TemplateChange[], from: TemplateItem[], to: TemplateItem[], path: string, label: string) {
  listChanges(
    out,
    from,
    to,
    titleKey,
    (i, item) => ({ path: `${path}[${i}]`, label: `${label} › step ${quote(item.title)}` }),
    itemValue,
    (before, after, where) => {
      fieldChanges(out, before, after, ITEM_FIELDS, where.path, where.label);
      checkChange(out, before, after, where.path, where.label);
      itemChanges(out, before.children, after.children, `${where.path}.children`, where.label);
    },
  );
}

const phaseAt = (i: number, phase: TemplatePhase) => ({
  path: `phases[${i}]`,
  // Runbooks often number their phases themselves ("Phase 2: Deploy"): say it once.
  label: /^phase\b/i.test(phase.title) ? quote(phase.title) : `Phase ${i + 1} ${quote(phase.title)}`,
});

function phaseValue(phase: TemplatePhase) {
  return {
    title: phase.title,
    plannedStartMin: phase.plannedStartMin,
    plannedDurationMin: phase.plannedDurationMin,
    steps: countSteps(phase.items),
    gates: phase.gates.map((g) => g.title),
  };
}

const gateValue = (g: TemplateGate) => ({ title: g.title, kind: g.kind, requiredRoles: [...g.requiredRoles].sort() });

function sortedRoles(gate: TemplateGate): TemplateGate {
  return { ...gate, requiredRoles: [...gate.requiredRoles].sort() };
}

/**
 * Every change from `from` to `to`, in document order: description, roles, phases (with their
 * steps and gates), rules, decision tree. The name is the template's label, not its content.
 */
export function diffTemplates(from: TemplateDefinition, to: TemplateDefinition): TemplateChange[] {
  const out: TemplateChange[] = [];
  if (!same(from.description, to.description))
    out.push({
      kind: 'changed',
      path: 'description',
      label: 'Description',
      before: norm(from.description),
      after: norm(to.description),
    });
  listChanges<TemplateRole>(
    out,
    from.roles,
    to.roles,
    (r) => r.key,
    (i, r) => ({ path: `roles[${i}]`, label: `Role ${quote(r.name)}` }),
    (r) => ({ key: r.key, name: r.name }),
    (before, after, where) => fieldChanges(out, before, after, ['name'], where.path, where.label),
  );
  listChanges<TemplatePhase>(out, from.phases, to.phases, titleKey, phaseAt, phaseValue, (before, after, where) => {
    fieldChanges(out, before, after, PHASE_FIELDS, where.path, where.label);
    itemChanges(out, before.items, after.items, `${where.path}.items`, where.label);
    listChanges<TemplateGate>(
      out,
      before.gates,
      after.gates,
      titleKey,
      (i, g) => ({ path: `${where.path}.gates[${i}]`, label: `${where.label} › gate ${quote(g.title)}` }),
      gateValue,
      (b, a, at) => fieldChanges(out, sortedRoles(b), sortedRoles(a), GATE_FIELDS, at.path, at.label),
    );
  });
  listChanges<MetricRuleDefinition>(
    out,
    from.rules,
    to.rules,
    (r) => r.series,
    (i, r) => ({ path: `rules[${i}]`, label: `Metric rule ${quote(r.name || r.series)}` }),
    (r) => ({ series: r.series, comparison: r.comparison, warn: r.warn, critical: r.critical, unit: r.unit }),
    (before, after, where) => fieldChanges(out, before, after, RULE_FIELDS, where.path, where.label),
  );
  listChanges<DecisionLevel>(
    out,
    from.decisionTree,
    to.decisionTree,
    (l) => String(l.level),
    (i, l) => ({ path: `decisionTree[${i}]`, label: `Decision level ${l.level}` }),
    (l) => l,
    (before, after, where) => {
      if (!same(before, after)) out.push({ kind: 'changed', ...where, before, after });
    },
  );
  return out;
}
