/**
 * Phase rules: when a phase may start, when it may complete and what still blocks it, how far its
 * checklist has come, and the facts the deployment state machine's guards need.
 *
 * Phases run on two tracks. The go-live track (normal and monitoring phases) runs in order while the
 * deployment is active; the rollback track runs in order only once a rollback is declared.
 */

import { isOnGoLiveTrack, stateLabel, type DeploymentState, type TransitionContext } from './deployment-state';
import { gateStatus, missingRoles, roleDecisions, type GateInput, type GateKind, type NameLookup } from './gates';
import { isFinished, type ItemStatus } from './items';
import { plural } from './plural';

/** Mirror the Prisma enums. */
export type PhaseKind = 'normal' | 'monitoring' | 'rollback';
export type PhaseStatus = 'pending' | 'active' | 'completed' | 'skipped';

/**
 * A checklist item. Pass either a flat list (with `parentId`) or roots with `children`, or both:
 * every item is counted once, by id. The owning role is `roleKey` or, failing that, `roleId`.
 */
export type PhaseItem = {
  id: string;
  parentId?: string | null;
  status: ItemStatus;
  roleKey?: string;
  roleId?: string;
  children?: readonly PhaseItem[];
};

export type PhaseGate = GateInput & { title: string; kind?: GateKind };

export type PhaseSummary = { id: string; title: string; kind: PhaseKind; status: PhaseStatus };

type Refusal<Code extends string> = { ok: false; code: Code; message: string };

const nameOf = (names: NameLookup | undefined, key: string) => names?.[key] ?? key;
const roleOf = (item: PhaseItem) => item.roleKey ?? item.roleId ?? 'unassigned';

function listAnd(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * Every item once, with the status that counts: skipping an item skips the steps under it, so the
 * children of a skipped item count as skipped whatever they say.
 */
export function flattenItems(items: readonly PhaseItem[]): PhaseItem[] {
  const byId = new Map<string, PhaseItem>();
  const collect = (list: readonly PhaseItem[]) =>
    list.forEach((item) => {
      if (!byId.has(item.id)) byId.set(item.id, item);
      collect(item.children ?? []);
    });
  collect(items);

  const parentOf = new Map<string, string>();
  byId.forEach((item) => {
    if (item.parentId) parentOf.set(item.id, item.parentId);
    item.children?.forEach((child) => parentOf.set(child.id, item.id));
  });
  const underSkipped = (id: string): boolean => {
    const seen = new Set<string>();
    for (let p = parentOf.get(id); p && !seen.has(p); p = parentOf.get(p)) {
      seen.add(p); // guards against a cycle in bad data
      if (byId.get(p)?.status === 'skipped') return true;
    }
    return false;
  };
  return [...byId.values()].map((item) => (underSkipped(item.id) ? { ...item, status: 'skipped' } : item));
}

export type Progress = {
  total: number;
  done: number;
  skipped: number;
  blocked: number;
  inProgress: number;
  pending: number;
  /** Done or skipped, rounded down so 100 means nothing is left. An empty list is 100. */
  percent: number;
};

function count(flat: readonly PhaseItem[]): Progress {
  const p = { total: flat.length, done: 0, skipped: 0, blocked: 0, inProgress: 0, pending: 0, percent: 100 };
  for (const { status } of flat) {
    if (status === 'done') p.done += 1;
    else if (status === 'skipped') p.skipped += 1;
    else if (status === 'blocked') p.blocked += 1;
    else if (status === 'in_progress') p.inProgress += 1;
    else p.pending += 1;
  }
  if (p.total > 0) p.percent = Math.floor(((p.done + p.skipped) * 100) / p.total);
  return p;
}

export function progress(items: readonly PhaseItem[]): Progress {
  return count(flattenItems(items));
}

/** Progress per owning role, keyed by roleKey (or roleId when items carry no key). */
export function progressByRole(items: readonly PhaseItem[]): Record<string, Progress> {
  const groups = new Map<string, PhaseItem[]>();
  for (const item of flattenItems(items)) {
    const role = roleOf(item);
    groups.set(role, [...(groups.get(role) ?? []), item]);
  }
  return Object.fromEntries([...groups].map(([role, list]) => [role, count(list)]));
}

function openItemsSentence(open: readonly PhaseItem[], roleNames?: NameLookup): string {
  const perRole = new Map<string, number>();
  open.forEach((item) => perRole.set(roleOf(item), (perRole.get(roleOf(item)) ?? 0) + 1));
  const parts = [...perRole]
    .map(([role, n]) => ({ name: nameOf(roleNames, role), n }))
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
  const blocked = open.filter((i) => i.status === 'blocked').length;
  const head = `${plural(open.length, 'item')} still open`;
  const owners =
    parts.length === 1 ? ` for ${parts[0].name}` : `: ${parts.map((p) => `${p.n} for ${p.name}`).join(', ')}`;
  return `${head}${owners}${blocked > 0 ? ` (${blocked} blocked)` : ''}`;
}

function gateBlocker(gate: PhaseGate, roleNames?: NameLookup): string | null {
  const status = gateStatus(gate);
  if (status === 'open' || status === 'overridden') return null;
  const label = `${gate.kind === 'checkpoint' ? 'Checkpoint' : 'Gate'} '${gate.title}'`;
  if (gate.requiredRoles.length === 0)
    return `${label} names no role to sign it: the incident commander must override it`;
  if (status === 'rejected') {
    const rejecting = roleDecisions(gate.requiredRoles, gate.signoffs).filter((d) => d.decision === 'reject');
    return `${label} was rejected by ${listAnd(rejecting.map((d) => nameOf(roleNames, d.roleKey)))}`;
  }
  const missing = missingRoles(gate).map((r) => `${nameOf(roleNames, r)}'s`);
  return `${label} needs ${listAnd(missing)} sign-off${missing.length === 1 ? '' : 's'}`;
}

/**
 * A phase completes when every item, nested ones included, is done or skipped and every gate of
 * the phase (checkpoints too) is open or overridden. Blockers say who still has to act.
 */
export function phaseCompletion(input: {
  items: readonly PhaseItem[];
  gates: readonly PhaseGate[];
  roleNames?: NameLookup;
}): { ok: boolean; blockers: string[] } {
  const blockers: string[] = [];
  const open = flattenItems(input.items).filter((item) => !isFinished(item.status));
  if (open.length > 0) blockers.push(openItemsSentence(open, input.roleNames));
  for (const gate of input.gates) {
    const blocker = gateBlocker(gate, input.roleNames);
    if (blocker) blockers.push(blocker);
  }
  return { ok: blockers.length === 0, blockers };
}

const isRollback = (p: PhaseSummary) => p.kind === 'rollback';
const phaseSettled = (p: PhaseSummary) => p.status === 'completed' || p.status === 'skipped';

/**
 * The phase the IC would start next: the first pending phase of the track the deployment is on
 * (the rollback track while rolling back). Ask `checkPhaseStart` whether it may start now.
 */
export function nextPhase<P extends PhaseSummary>(phases: readonly P[], deploymentState?: DeploymentState): P | null {
  const rollback = deploymentState === 'rolling_back';
  return phases.find((p) => isRollback(p) === rollback && p.status === 'pending') ?? null;
}

export type PhaseStartRefusalCode =
  'phase_not_found' | 'phase_not_pending' | 'deployment_not_active' | 'phase_out_of_order' | 'phase_already_active';

function notActiveMessage(state: DeploymentState, rollbackPhase: boolean): string {
  if (rollbackPhase) return 'Rollback phases start only after a rollback is declared';
  switch (state) {
    case 'planned':
      return 'The deployment is still planned: start preflight before starting a phase';
    case 'on_hold':
      return 'The deployment is on hold: resume it before starting a phase';
    case 'rolling_back':
      return 'The deployment is rolling back: only rollback phases can start';
    default:
      return `The deployment is ${stateLabel(state).toLowerCase()}: no phase can start`;
  }
}

/**
 * Phases start one at a time, in order within their track, while the deployment is active.
 * When a rollback is declared, a go-live phase left active does not block the rollback phase:
 * the rollback must never wait for the work it is undoing.
 */
export function checkPhaseStart(input: {
  phases: readonly PhaseSummary[];
  phaseId: string;
  deploymentState: DeploymentState;
}): { ok: true } | Refusal<PhaseStartRefusalCode> {
  const index = input.phases.findIndex((p) => p.id === input.phaseId);
  if (index < 0) return { ok: false, code: 'phase_not_found', message: 'There is no such phase in this deployment' };
  const phase = input.phases[index];
  const rollback = isRollback(phase);

  if (phase.status !== 'pending') {
    return { ok: false, code: 'phase_not_pending', message: `'${phase.title}' is already ${phase.status}` };
  }
  const stateOk = rollback ? input.deploymentState === 'rolling_back' : isOnGoLiveTrack(input.deploymentState);
  if (!stateOk)
    return { ok: false, code: 'deployment_not_active', message: notActiveMessage(input.deploymentState, rollback) };

  const sameTrack = input.phases.filter((p) => isRollback(p) === rollback);
  const active = sameTrack.find((p) => p.status === 'active');
  if (active) {
    return {
      ok: false,
      code: 'phase_already_active',
      message: `'${active.title}' is still running: complete it before starting '${phase.title}'`,
    };
  }
  const unfinished = input.phases.slice(0, index).find((p) => isRollback(p) === rollback && !phaseSettled(p));
  if (unfinished) {
    return {
      ok: false,
      code: 'phase_out_of_order',
      message: `Phases run in order: complete '${unfinished.title}' before starting '${phase.title}'`,
    };
  }
  return { ok: true };
}

/**
 * The facts `checkTransition` needs, from the deployment's phases and gates (stored statuses).
 * Skipped counts as finished; a track with no phases (or no checkpoints) has nothing to wait for.
 */
export function deploymentGuards(input: {
  phases: readonly PhaseSummary[];
  gates: readonly { phaseId: string; title: string; kind: GateKind; status: GateInput['status'] }[];
}): Required<TransitionContext> {
  const kindOf = new Map(input.phases.map((p) => [p.id, p.kind]));
  const goLive = input.phases.filter((p) => p.kind === 'normal');
  const rollback = input.phases.filter(isRollback);
  const checkpoints = input.gates.filter((g) => g.kind === 'checkpoint' || kindOf.get(g.phaseId) === 'monitoring');
  const unsigned = checkpoints.filter((g) => g.status !== 'open' && g.status !== 'overridden');
  const unfinishedGoLive = goLive.filter((p) => !phaseSettled(p));
  const unfinishedRollback = rollback.filter((p) => !phaseSettled(p));
  return {
    goLivePhasesCompleted: unfinishedGoLive.length === 0,
    checkpointsSigned: unsigned.length === 0,
    rollbackCompleted: unfinishedRollback.length === 0,
    unfinishedPhases: unfinishedGoLive.map((p) => p.title),
    unsignedCheckpoints: unsigned.map((g) => g.title),
    unfinishedRollbackPhases: unfinishedRollback.map((p) => p.title),
  };
}
