import { finishedMessage, isTerminal, type DeploymentState, type TransitionCheck } from '@/lib/domain/deployment-state';
import type { GateKind, GateStatus } from '@/lib/domain/gates';
import type { PhaseKind, PhaseStatus } from '@/lib/domain/phases';
import type { Tx } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import type { Sql } from '@/lib/server/sql';

export type LockedDeployment = {
  id: string;
  name: string;
  state: DeploymentState;
  heldFromState: DeploymentState | null;
  stateReason: string | null;
  goLiveAt: Date;
  startedAt: Date | null;
};

/**
 * Takes the deployment's row lock before anything is read. Every lifecycle and gate command starts
 * here, so commands on one deployment run one after another and each decides on what the previous
 * one committed: two sign-offs at once both count, and a hold cannot slip between a check and a
 * phase start. (appendEvent locks the same row later anyway; taking it first only moves it earlier,
 * and always deployment-before-gate, so no two commands wait on each other in a circle.)
 * Item writes (plain SQL, `commitSql`) and participant removals take the same lock, so a tick
 * cannot land after its phase completed or the deployment ended, nor two removals leave no IC.
 */
export async function lockDeployment(tx: Tx | Sql, deploymentId: string): Promise<LockedDeployment> {
  const query: Sql = typeof tx === 'function' ? tx : (strings, ...values) => tx.$queryRaw(strings, ...values);
  const rows = await query<LockedDeployment>`
    SELECT "id", "name", "state"::text AS "state", "heldFromState"::text AS "heldFromState", "stateReason", "goLiveAt", "startedAt"
    FROM "Deployment" WHERE "id" = ${deploymentId} FOR UPDATE`;
  if (!rows[0]) throw new AppError('not_found', 'No such deployment.');
  return rows[0];
}

export type TrackPhase = { id: string; title: string; kind: PhaseKind; status: PhaseStatus; position: number };
export type TrackGate = { id: string; phaseId: string; title: string; kind: GateKind; status: GateStatus };

/** Phases and gates with their stored statuses: the facts the state machine's guards are built from. */
export async function loadTracks(tx: Tx, deploymentId: string): Promise<{ phases: TrackPhase[]; gates: TrackGate[] }> {
  const phases = await tx.phase.findMany({
    where: { deploymentId },
    orderBy: { position: 'asc' },
    select: { id: true, title: true, kind: true, status: true, position: true },
  });
  const gates = await tx.gate.findMany({
    where: { deploymentId },
    orderBy: { position: 'asc' },
    select: { id: true, phaseId: true, title: true, kind: true, status: true },
  });
  return { phases, gates };
}

/**
 * A refused move as the API answers it. A missing reason or level is the caller's input (422);
 * every other refusal — an illegal move, or a guard such as unfinished phases — is 409
 * `illegal_transition`, with the precise rule in `refusal` for clients that care.
 */
export function transitionRefusal(check: Extract<TransitionCheck, { ok: false }>): AppError {
  if (check.code === 'reason_required') return new AppError('reason_required', check.message);
  if (check.code === 'level_required') return new AppError('level_required', check.message);
  return new AppError('illegal_transition', check.message, { refusal: check.code });
}

/**
 * A finished deployment's record is final: refuses (409) any change to it, saying what can no longer
 * change — `consequence` finishes the sentence "The deployment is rolled back: …".
 */
export function ensureNotFinished(
  deployment: { state: string },
  consequence: string,
  details?: Record<string, unknown>,
) {
  if (isTerminal(deployment.state))
    throw new AppError('illegal_transition', finishedMessage(deployment.state, consequence), details);
}

/** The row changes that go with a new state: why it is there, where a hold returns to, when it started and ended. */
export function stateChange(
  current: LockedDeployment,
  to: DeploymentState,
  heldFromState: DeploymentState | null,
  reason: string | null,
  now: Date,
) {
  return {
    state: to,
    heldFromState,
    // The reason explains the state it came with; rolled back keeps the rollback's reason.
    stateReason: reason ?? (to === 'rolled_back' ? current.stateReason : null),
    ...(current.startedAt === null && current.state === 'planned' && to !== 'aborted' ? { startedAt: now } : {}),
    ...(isTerminal(to) ? { finishedAt: now } : {}),
  };
}

export const stateSelect = {
  id: true,
  state: true,
  heldFromState: true,
  stateReason: true,
  startedAt: true,
  finishedAt: true,
} as const;

export type DeploymentStateDto = {
  id: string;
  state: string;
  heldFromState: string | null;
  stateReason: string | null;
  startedAt: string | null;
  finishedAt: string | null;
};

export function toStateDto(row: {
  id: string;
  state: string;
  heldFromState: string | null;
  stateReason: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}): DeploymentStateDto {
  return {
    id: row.id,
    state: row.state,
    heldFromState: row.heldFromState,
    stateReason: row.stateReason,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function idempotencyFor(userId: string, key: string | null | undefined, scope: string) {
  return key ? { userId, key, scope } : null;
}
