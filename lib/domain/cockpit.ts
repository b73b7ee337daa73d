/**
 * What the cockpit, the role pages and the stakeholder view derive from one deployment snapshot:
 * which track and phase are current, which phases are behind schedule and by how much, and which
 * gates are waiting for this person's sign-off. Pure, so every screen reads the same answer.
 */
import { formatDuration, phaseSchedule, type PhaseSchedule } from './clock';
import { isTerminal, type DeploymentState } from './deployment-state';
import { countingSignoffs, isClosed, roleDecisions, type GateStatus, type Signoff } from './gates';
import type { PhaseKind, PhaseStatus } from './phases';

type When = string | Date | null;

export type SchedulePhase = {
  id: string;
  title: string;
  /** PhaseKind / PhaseStatus; plain strings accepted so API DTOs pass as they are. */
  kind: PhaseKind | (string & {});
  status: PhaseStatus | (string & {});
  plannedStartMin: number | null;
  plannedDurationMin: number | null;
  startedAt: When;
  completedAt: When;
};

export type SnapshotGate = {
  id: string;
  phaseId: string;
  title: string;
  status: GateStatus;
  requiredRoles: readonly string[];
  signoffs: readonly (Omit<Signoff, 'createdAt'> & { at?: string })[];
};

const toDate = (value: When) => (value == null ? null : value instanceof Date ? value : new Date(value));

/**
 * The rollback track is current from the declaration on — also while a rollback is on hold, so
 * the room keeps looking at the rollback checklist rather than at the abandoned go-live.
 */
export function onRollbackTrack(state: DeploymentState | string, heldFrom?: DeploymentState | string | null): boolean {
  return state === 'rolling_back' || state === 'rolled_back' || (state === 'on_hold' && heldFrom === 'rolling_back');
}

/** The phases the room works through now: the go-live track, or the rollback track once declared. */
export function trackPhases<P extends Pick<SchedulePhase, 'kind'>>(
  phases: readonly P[],
  state: DeploymentState | string,
  heldFrom?: string | null,
): P[] {
  const rollback = onRollbackTrack(state, heldFrom);
  return phases.filter((p) => (p.kind === 'rollback') === rollback);
}

/** The running phase of the current track, or null between phases. */
export function currentPhase<P extends Pick<SchedulePhase, 'kind' | 'status'>>(
  phases: readonly P[],
  state: DeploymentState | string,
  heldFrom?: string | null,
): P | null {
  return trackPhases(phases, state, heldFrom).find((p) => p.status === 'active') ?? null;
}

export function scheduleOf(phase: SchedulePhase, goLiveAt: string | Date, now: Date): PhaseSchedule {
  return phaseSchedule({
    goLiveAt: toDate(goLiveAt)!,
    plannedStartMin: phase.plannedStartMin,
    plannedDurationMin: phase.plannedDurationMin,
    startedAt: toDate(phase.startedAt),
    completedAt: toDate(phase.completedAt),
    now,
  });
}

/** Lateness in whole minutes once past a minute ('12 min', '1 h 5 min'), so the label does not tick every second. */
export function formatLateness(seconds: number): string {
  return seconds < 60 ? formatDuration(seconds) : formatDuration(Math.floor(seconds / 60) * 60);
}

/** '+12 min over' for a phase running past its planned end; '5 min late to start' for one not started on time. */
export function overdueLabel(schedule: PhaseSchedule): string | null {
  if (schedule.state !== 'overdue') return null;
  return schedule.actualStart
    ? `+${formatLateness(schedule.overdueSeconds)} over`
    : `${formatLateness(schedule.overdueSeconds)} late to start`;
}

export type OverduePhase<P> = { phase: P; schedule: PhaseSchedule; label: string };

/**
 * Phases of the current track that are behind their plan. A finished deployment has nothing
 * overdue, and go-live phases left pending by a rollback are abandoned, not late.
 */
export function overduePhases<P extends SchedulePhase>(input: {
  phases: readonly P[];
  goLiveAt: string | Date;
  state: DeploymentState | string;
  heldFrom?: string | null;
  now: Date;
}): OverduePhase<P>[] {
  if (isTerminal(input.state as DeploymentState)) return [];
  return trackPhases(input.phases, input.state, input.heldFrom).flatMap((phase) => {
    if (phase.status === 'completed' || phase.status === 'skipped') return [];
    const schedule = scheduleOf(phase, input.goLiveAt, input.now);
    const label = overdueLabel(schedule);
    return label ? [{ phase, schedule, label }] : [];
  });
}

const signoffsOf = (gate: SnapshotGate): Signoff[] =>
  gate.signoffs.map((s) => ({ ...s, createdAt: s.at ? new Date(s.at) : undefined }));

/** '2 of 4 roles approved' as numbers, for a gate milestone. */
export function gateTally(gate: SnapshotGate): { approved: number; rejected: number; required: number } {
  const decisions = roleDecisions(gate.requiredRoles, signoffsOf(gate));
  return {
    approved: decisions.filter((d) => d.decision === 'approve').length,
    rejected: decisions.filter((d) => d.decision === 'reject').length,
    required: gate.requiredRoles.length,
  };
}

export type MySignoffTask<G> = {
  gate: G;
  /** Required roles this person holds, each with their own counting sign-off (null = not signed yet). */
  roles: { roleKey: string; mine: Signoff | null }[];
  /** True while at least one of those roles has no sign-off from this person. */
  pending: boolean;
};

/**
 * Undecided gates that need a role this person holds (read-only roles never sign), with what they
 * already signed. `onlyRole` narrows to one role, as the role checklist page does.
 */
export function mySignoffTasks<G extends SnapshotGate>(input: {
  gates: readonly G[];
  userId: string;
  roleKeys: readonly string[];
  onlyRole?: string;
}): MySignoffTask<G>[] {
  return input.gates.flatMap((gate) => {
    if (isClosed(gate.status)) return [];
    const held = gate.requiredRoles.filter(
      (r) => input.roleKeys.includes(r) && (!input.onlyRole || r === input.onlyRole),
    );
    if (held.length === 0) return [];
    const counting = countingSignoffs(gate.requiredRoles, signoffsOf(gate));
    const roles = held.map((roleKey) => ({
      roleKey,
      mine: counting.find((s) => s.roleKey === roleKey && s.userId === input.userId) ?? null,
    }));
    return [{ gate, roles, pending: roles.some((r) => r.mine === null) }];
  });
}
