/**
 * The public status page's view of a deployment: what outsiders (executives, support, customers'
 * account managers) may see through a share link. It is a projection, not a filter: only the
 * fields listed here leave the server, so a new internal field can never leak by accident.
 * No commands, notes, sign-off comments, override reasons or health reasons — and people's
 * names only when the IC chose to show them.
 */
import { currentPhase, onRollbackTrack, trackPhases } from './cockpit';
import { isTerminal, stateLabel, type DeploymentState } from './deployment-state';
import { gateStatus, type GateStatus } from './gates';
import type { ItemStatus } from './items';
import { progress, type PhaseKind, type PhaseStatus } from './phases';

type When = Date | string | null;

export type PublicPhase = {
  title: string;
  kind: PhaseKind;
  status: PhaseStatus;
  plannedStartMin: number | null;
  plannedDurationMin: number | null;
  startedAt: string | null;
  completedAt: string | null;
};

export type PublicDecision = 'approved' | 'rejected' | 'overridden' | 'pending';

export type PublicGate = { title: string; phase: string; decision: PublicDecision; at: string | null; by: string[] };

export type PublicUpdate = { at: string; message: string; by: string | null };

export type PublicStatus = {
  name: string;
  version: string;
  state: DeploymentState;
  stateLabel: string;
  goLiveAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  track: 'go-live' | 'rollback';
  currentPhase: string | null;
  phases: PublicPhase[];
  progress: { percent: number; done: number; total: number };
  health: { level: 1 | 2 | 3; label: string };
  gates: PublicGate[];
  updates: PublicUpdate[];
  seq: number;
  /** A rehearsal: the page says REHEARSAL so nobody mistakes it for the go-live. */
  rehearsal?: boolean;
};

export type PublicStatusSource = {
  deployment: {
    name: string;
    version: string;
    state: DeploymentState;
    heldFromState: DeploymentState | null;
    goLiveAt: When;
    startedAt: When;
    finishedAt: When;
    healthLevel: number;
    seq: number;
    rehearsal?: boolean;
  };
  phases: {
    id: string;
    title: string;
    kind: PhaseKind;
    status: PhaseStatus;
    plannedStartMin: number | null;
    plannedDurationMin: number | null;
    startedAt: When;
    completedAt: When;
  }[];
  items: { id: string; parentId: string | null; phaseId: string; status: ItemStatus }[];
  gates: {
    phaseId: string;
    title: string;
    status: GateStatus;
    requiredRoles: string[];
    openedAt: When;
    overriddenBy: string | null;
    signoffs: {
      id: string;
      roleKey: string;
      userId: string;
      userName: string;
      decision: 'approve' | 'reject';
      createdAt: When;
      withdrawnAt: When;
    }[];
  }[];
  /** Newest first. */
  updates: { at: When; message: string; actor: string | null }[];
  showNames: boolean;
};

export const PUBLIC_UPDATES_SHOWN = 10;

const HEALTH_LABEL = { 1: 'Healthy', 2: 'Degraded', 3: 'Critical' } as const;

const iso = (value: When) => (value == null ? null : new Date(value).toISOString());

function publicGate(gate: PublicStatusSource['gates'][number], phaseTitle: string, showNames: boolean): PublicGate {
  const signoffs = gate.signoffs.filter((s) => !s.withdrawnAt);
  const status = gateStatus({
    requiredRoles: gate.requiredRoles,
    status: gate.status,
    signoffs: signoffs.map((s) => ({
      id: s.id,
      roleKey: s.roleKey,
      userId: s.userId,
      decision: s.decision,
      createdAt: s.createdAt ? new Date(s.createdAt) : undefined,
    })),
  });
  const decision: PublicDecision = status === 'open' ? 'approved' : status === 'waiting' ? 'pending' : status;
  const deciding =
    decision === 'rejected'
      ? signoffs.filter((s) => s.decision === 'reject')
      : signoffs.filter((s) => s.decision === 'approve');
  const lastAt =
    deciding
      .map((s) => iso(s.createdAt))
      .filter((v): v is string => Boolean(v))
      .sort()
      .pop() ?? null;
  const by =
    !showNames || decision === 'pending'
      ? []
      : decision === 'overridden'
        ? gate.overriddenBy
          ? [gate.overriddenBy]
          : []
        : [...new Set(deciding.map((s) => s.userName))];
  return {
    title: gate.title,
    phase: phaseTitle,
    decision,
    at: decision === 'approved' ? (iso(gate.openedAt) ?? lastAt) : decision === 'pending' ? null : lastAt,
    by,
  };
}

/** Builds the outsider-safe snapshot; computed once per change and sent to every watcher. */
export function publicStatus(source: PublicStatusSource): PublicStatus {
  const { deployment, showNames } = source;
  const rollback = onRollbackTrack(deployment.state, deployment.heldFromState);
  const track = trackPhases(source.phases, deployment.state, deployment.heldFromState);
  const onTrack = new Set(track.map((p) => p.id));
  const titleOf = new Map(source.phases.map((p) => [p.id, p.title]));
  const overall = progress(source.items.filter((i) => onTrack.has(i.phaseId)));
  const level = deployment.healthLevel === 3 ? 3 : deployment.healthLevel === 2 ? 2 : 1;
  return {
    ...(deployment.rehearsal ? { rehearsal: true } : {}),
    name: deployment.name,
    version: deployment.version,
    state: deployment.state,
    stateLabel: stateLabel(deployment.state),
    goLiveAt: iso(deployment.goLiveAt)!,
    startedAt: iso(deployment.startedAt),
    finishedAt: iso(deployment.finishedAt),
    track: rollback ? 'rollback' : 'go-live',
    currentPhase: currentPhase(source.phases, deployment.state, deployment.heldFromState)?.title ?? null,
    phases: track.map((p) => ({
      title: p.title,
      kind: p.kind,
      status: p.status,
      plannedStartMin: p.plannedStartMin,
      plannedDurationMin: p.plannedDurationMin,
      startedAt: iso(p.startedAt),
      completedAt: iso(p.completedAt),
    })),
    progress: { percent: overall.percent, done: overall.done + overall.skipped, total: overall.total },
    health: { level, label: HEALTH_LABEL[level] },
    gates: source.gates
      .filter((g) => onTrack.has(g.phaseId))
      .map((g) => publicGate(g, titleOf.get(g.phaseId) ?? '', showNames)),
    updates: source.updates
      .slice(0, PUBLIC_UPDATES_SHOWN)
      .map((u) => ({ at: iso(u.at)!, message: u.message, by: showNames ? u.actor : null })),
    seq: deployment.seq,
  };
}

const MINUTE = 60_000;

/**
 * When the go-live is expected to be done: the phase plan walked forward from where things
 * stand. A late phase pushes everything after it; monitoring phases (hours of watching after
 * go-live) are not counted, so the answer is "the change is done by". Null when finished, when
 * only monitoring is left, or when the plan gives no durations to go on.
 */
export function estimateFinish(status: Pick<PublicStatus, 'state' | 'goLiveAt' | 'phases'>, now: Date): Date | null {
  if (isTerminal(status.state)) return null;
  const work = status.phases.filter((p) => p.kind !== 'monitoring');
  if (work.length === 0 || work.every((p) => p.status === 'completed' || p.status === 'skipped')) return null;
  if (work.every((p) => p.plannedDurationMin == null)) return null;
  const goLive = new Date(status.goLiveAt).getTime();
  let cursor: number | null = null;
  for (const phase of work) {
    const duration = (phase.plannedDurationMin ?? 0) * MINUTE;
    if (phase.status === 'completed' || phase.status === 'skipped') {
      cursor = phase.completedAt ? new Date(phase.completedAt).getTime() : cursor;
      continue;
    }
    const plannedStart = phase.plannedStartMin == null ? null : goLive + phase.plannedStartMin * MINUTE;
    if (phase.status === 'active' && phase.startedAt) {
      // A running phase ends at its plan, or now if it is already past it (it cannot end earlier).
      cursor = Math.max(new Date(phase.startedAt).getTime() + duration, now.getTime());
      continue;
    }
    const earliest = Math.max(cursor ?? now.getTime(), now.getTime());
    const start = plannedStart === null ? earliest : Math.max(plannedStart, earliest);
    cursor = start + duration;
  }
  return cursor === null ? null : new Date(cursor);
}
