/**
 * The go-live report: a finished (or running) war room written out as Markdown for the post-mortem,
 * the change ticket or the audit folder. Pure: the server loads a snapshot of the deployment and
 * the decision / health events from the log and hands them here; nothing is read or fetched.
 */
import type { ChainHead } from './chain-head';
import { formatDuration, formatRelative, phaseSchedule } from './clock';
import { stateLabel, type DeploymentState } from './deployment-state';
import { describeEvent, type TimelineEvent } from './event-log';
import { checksSection, type ReportCheck } from './evidence/report-checks';
import { evidenceSection, type ReportEvidence } from './evidence/report-evidence';
import { describeIdentity, type IdentityEvidence } from './identity';
import { STATUS_LABEL, type ItemStatus } from './items';
import { REDLINE_EVENT_TYPES, redlinesSection, type RedlineOutcome } from './report-redlines';
import { DASH, eventRows, stamp, table } from './report-table';

export { cell, stamp } from './report-table';

export type ReportItem = {
  title: string;
  roleKey: string;
  section: string | null;
  status: ItemStatus;
  note: string | null;
  updatedBy: string | null;
  updatedAt: string;
  doneBeforeStart: boolean;
  /** Latest first, as the war room's state carries it (at most 20 per step). */
  evidence?: ReportEvidence[];
  evidenceCount?: number;
  /** Its check as the report was written (null or absent: none). */
  check?: ReportCheck | null;
  children: ReportItem[];
};

export type ReportPhase = {
  id: string;
  title: string;
  kind: string;
  status: string;
  plannedStartMin: number | null;
  plannedDurationMin: number | null;
  startedAt: string | null;
  completedAt: string | null;
  items: ReportItem[];
};

export type ReportGate = {
  phaseId: string;
  title: string;
  kind: string;
  requiredRoles: string[];
  status: string;
  overrideReason: string | null;
  overriddenBy: string | null;
  openedAt: string | null;
  signoffs: {
    roleKey: string;
    user: string;
    decision: 'approve' | 'reject';
    at: string;
    comment: string | null;
    identity?: Partial<IdentityEvidence>;
  }[];
};

/** Structurally a subset of the deployment DTO, so the server can pass what it already loads. */
export type ReportSnapshot = {
  name: string;
  version: string;
  environment: string;
  strategy?: string;
  goLiveAt: string;
  state: string;
  stateReason: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  health?: { level: number };
  /** A rehearsal's report says so in its title and header. */
  rehearsal?: boolean;
  roles: { key: string; name: string; holders: { name: string }[] }[];
  phases: ReportPhase[];
  gates: ReportGate[];
  /** Each redline's review outcome by its id (the proposals themselves are events). */
  redlineOutcomes?: Record<string, RedlineOutcome>;
};

/** Timeline events that are decisions: the IC's moves, gate outcomes, overrides and rollbacks. */
export const DECISION_EVENT_TYPES = [
  'deployment.transitioned',
  'gate.opened',
  'gate.overridden',
  'rollback.declared',
] as const;
/** Threshold crossings: the health level moving between 1 minor · 2 major · 3 critical. */
export const THRESHOLD_EVENT_TYPES = ['health.level_changed'] as const;
export const REPORT_EVENT_TYPES: readonly string[] = [
  ...DECISION_EVENT_TYPES,
  ...THRESHOLD_EVENT_TYPES,
  ...REDLINE_EVENT_TYPES,
];

const OUTCOME: Record<string, string> = {
  planned: 'Not started yet (planned)',
  completed: 'Completed ✅',
  rolled_back: 'Rolled back ↩️',
  aborted: 'Aborted ⛔',
};

export function outcomeOf(snapshot: Pick<ReportSnapshot, 'state' | 'stateReason'>): string {
  const label = OUTCOME[snapshot.state] ?? `Live — ${stateLabel(snapshot.state as DeploymentState).toLowerCase()}`;
  return snapshot.stateReason && snapshot.state !== 'completed' ? `${label} (${snapshot.stateReason})` : label;
}

function flatten(items: ReportItem[], depth = 0, out: { item: ReportItem; depth: number }[] = []) {
  for (const item of items) {
    out.push({ item, depth });
    flatten(item.children, depth + 1, out);
  }
  return out;
}

function tally(phases: ReportPhase[]) {
  const counts: Record<ItemStatus, number> = { pending: 0, in_progress: 0, done: 0, blocked: 0, skipped: 0 };
  for (const phase of phases) for (const { item } of flatten(phase.items)) counts[item.status] += 1;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return { ...counts, total };
}

function header(s: ReportSnapshot, now: Date): string[] {
  const t = tally(s.phases);
  const progress = `${t.done + t.skipped}/${t.total} finished (${t.done} done, ${t.skipped} skipped, ${t.blocked} blocked, ${t.in_progress} in progress, ${t.pending} pending)`;
  return [
    s.rehearsal ? `# Rehearsal report: ${s.name}` : `# Go-live report: ${s.name}`,
    '',
    ...table(
      ['Field', 'Value'],
      [
        ['Deployment', s.name],
        ...(s.rehearsal ? [['Run', 'REHEARSAL (not the go-live)']] : []),
        ['Version', s.version],
        ['Environment', s.environment],
        ...(s.strategy ? [['Strategy', s.strategy]] : []),
        ['Go-live (T0)', stamp(s.goLiveAt)],
        ['Started', stamp(s.startedAt)],
        ['Finished', stamp(s.finishedAt)],
        ['Outcome', outcomeOf(s)],
        ...(s.health ? [['Health at export', `Level ${s.health.level}`]] : []),
        ['Checklist', progress],
        ['Report generated', stamp(now.toISOString())],
      ],
    ),
  ];
}

function phaseTable(s: ReportSnapshot, now: Date): string[] {
  const goLive = new Date(s.goLiveAt);
  const rows = s.phases.map((p, i) => {
    const schedule = phaseSchedule({
      goLiveAt: goLive,
      plannedStartMin: p.plannedStartMin,
      plannedDurationMin: p.plannedDurationMin,
      startedAt: p.startedAt ? new Date(p.startedAt) : null,
      completedAt: p.completedAt ? new Date(p.completedAt) : null,
      now,
    });
    const planned =
      p.plannedStartMin === null
        ? null
        : `${formatRelative(p.plannedStartMin)} (${stamp(schedule.plannedStart!.toISOString())})`;
    const took =
      schedule.elapsedSeconds === null
        ? null
        : formatDuration(schedule.elapsedSeconds) + (p.completedAt ? '' : ' so far');
    const overrun =
      schedule.overrunSeconds > 0
        ? `+${formatDuration(schedule.overrunSeconds)}`
        : p.plannedDurationMin !== null && p.startedAt
          ? 'on time'
          : null;
    return [
      i + 1,
      p.kind === 'normal' ? p.title : `${p.title} (${p.kind})`,
      planned,
      p.plannedDurationMin === null ? null : `${p.plannedDurationMin} min`,
      stamp(p.startedAt),
      stamp(p.completedAt),
      took,
      overrun,
      p.status,
    ];
  });
  return [
    '## Phases: planned vs actual',
    '',
    ...table(
      ['#', 'Phase', 'Planned start', 'Planned duration', 'Actual start', 'Actual end', 'Took', 'Overrun', 'Status'],
      rows,
    ),
  ];
}

function checklist(s: ReportSnapshot): string[] {
  const roleNames = new Map(s.roles.map((r) => [r.key, r.name]));
  const out = ['## Checklist'];
  s.phases.forEach((phase, i) => {
    out.push('', `### ${i + 1}. ${phase.title}`, '');
    const rows = flatten(phase.items);
    if (!rows.length) {
      out.push('_No checklist items in this phase._');
      return;
    }
    const touched = (item: ReportItem) => item.status !== 'pending' && !(item.doneBeforeStart && !item.updatedBy);
    out.push(
      ...table(
        ['Item', 'Section', 'Role', 'State', 'By', 'When', 'Note'],
        rows.map(({ item, depth }) => [
          `${depth ? `${'↳ '.repeat(depth)}` : ''}${item.title}`,
          item.section,
          roleNames.get(item.roleKey) ?? item.roleKey,
          `${STATUS_LABEL[item.status]}${item.doneBeforeStart ? ' (before start)' : ''}`,
          touched(item) ? item.updatedBy : null,
          touched(item) ? stamp(item.updatedAt) : null,
          item.note,
        ]),
      ),
    );
  });
  return out;
}

function evidence(s: ReportSnapshot): string[] {
  const roleNames = new Map(s.roles.map((r) => [r.key, r.name]));
  const steps = s.phases.flatMap((p) => flatten(p.items).map(({ item }) => item));
  const roleName = (key: string) => roleNames.get(key) ?? key;
  return [...evidenceSection(steps, roleName), '', ...checksSection(steps, roleName)];
}

function signoffs(s: ReportSnapshot): string[] {
  const out = ['## Sign-offs'];
  if (!s.gates.length) return [...out, '', '_This runbook has no gates._'];
  const roleNames = new Map(s.roles.map((r) => [r.key, r.name]));
  const phaseTitles = new Map(s.phases.map((p) => [p.id, p.title]));
  for (const gate of s.gates) {
    const status =
      gate.status === 'overridden'
        ? `overridden by ${gate.overriddenBy ?? 'the IC'} — ${gate.overrideReason ?? 'no reason recorded'}`
        : gate.status;
    out.push('', `### ${gate.kind === 'checkpoint' ? 'Checkpoint' : 'Gate'}: ${gate.title}`, '');
    out.push(
      `Phase: ${phaseTitles.get(gate.phaseId) ?? DASH} · Status: **${status}**${gate.openedAt ? ` at ${stamp(gate.openedAt)}` : ''}`,
      '',
    );
    // Required roles that never signed are listed too: the gap is part of the record.
    const signed = new Set(gate.signoffs.map((x) => x.roleKey));
    const rows = [
      ...gate.signoffs.map((x) => [
        roleNames.get(x.roleKey) ?? x.roleKey,
        x.user,
        x.decision === 'approve' ? 'GO (approve)' : 'NO-GO (reject)',
        stamp(x.at),
        x.comment,
        describeIdentity(x.identity),
      ]),
      ...gate.requiredRoles
        .filter((key) => !signed.has(key))
        .map((key) => [roleNames.get(key) ?? key, null, 'not signed', null, null, null]),
    ];
    // "Authenticated" answers the auditor's second question: was that person at the keyboard.
    out.push(...table(['Role', 'Person', 'Decision', 'Time', 'Comment', 'Authenticated'], rows));
  }
  return out;
}

function decisions(s: ReportSnapshot, events: TimelineEvent[]): string[] {
  const list = events.filter((e) => (DECISION_EVENT_TYPES as readonly string[]).includes(e.type));
  const out = ['## Decisions', ''];
  if (!list.length) return [...out, '_No decisions recorded yet._'];
  return [...out, ...table(['Time', 'Clock', 'Who', 'Decision'], eventRows(list, s.goLiveAt, describeEvent))];
}

function thresholds(s: ReportSnapshot, events: TimelineEvent[]): string[] {
  const list = events.filter((e) => (THRESHOLD_EVENT_TYPES as readonly string[]).includes(e.type));
  const out = ['## Threshold crossings', ''];
  if (!list.length) return [...out, '_Health never left its starting level._'];
  const describe = (e: TimelineEvent) => {
    const d = e.data as { level?: number; previousLevel?: number; title?: string; reasons?: unknown };
    const reasons = Array.isArray(d.reasons) ? d.reasons.map(String).join('; ') : '';
    return `Level ${d.previousLevel ?? '?'} → ${d.level ?? '?'}${d.title ? ` (${d.title})` : ''}${reasons ? `: ${reasons}` : ''}`;
  };
  return [...out, ...table(['Time', 'Clock', 'Source', 'Change'], eventRows(list, s.goLiveAt, describe))];
}

function people(s: ReportSnapshot): string[] {
  const rows = s.roles.map((r) => [r.name, r.key, r.holders.map((h) => h.name).join(', ')]);
  return ['## Roles and people', '', ...table(['Role', 'Key', 'People'], rows)];
}

/**
 * The head the report was made at (event number and keyed hash), so a copy kept outside the
 * database can later be compared with the log: `npm run audit:verify` prints the same head, and
 * the timeline's check takes this line as pasted (lib/domain/chain-head.ts).
 */
function auditChain(chain: ChainHead): string[] {
  return [
    '## Audit chain',
    '',
    `Chain head: event #${chain.seq}, \`${chain.hash}\` (HMAC-SHA-256). \`npm run audit:verify\` recomputes it from the log; paste this line into **Verify the record** on the timeline to check that the record still passes through it.`,
  ];
}

/** The whole report. `events` may hold any types; only decisions and threshold crossings are used. */
export function renderReport(
  snapshot: ReportSnapshot,
  events: readonly TimelineEvent[],
  now: Date = new Date(),
  chain: ChainHead | null = null,
): string {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  const parts = [
    header(snapshot, now),
    people(snapshot),
    phaseTable(snapshot, now),
    checklist(snapshot),
    evidence(snapshot),
    signoffs(snapshot),
    decisions(snapshot, ordered),
    thresholds(snapshot, ordered),
    redlinesSection(snapshot.goLiveAt, ordered, snapshot.redlineOutcomes),
    ...(chain ? [auditChain(chain)] : []),
  ];
  return `${parts.map((p) => p.join('\n')).join('\n\n')}\n`;
}

/** A file name for the download: 'go-live-report-checkout-v2-2026-01-15.md'. */
export function reportFileName(snapshot: Pick<ReportSnapshot, 'name' | 'version' | 'goLiveAt'>): string {
  const slug =
    `${snapshot.name} ${snapshot.version}`
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'deployment';
  return `go-live-report-${slug}-${snapshot.goLiveAt.slice(0, 10)}.md`;
}
