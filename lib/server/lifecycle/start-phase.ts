import 'server-only';
import type { PhaseResult } from '@/lib/contracts/deployments';
import { checkPhaseStart } from '@/lib/domain/phases';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';
import { idempotencyFor, loadTracks, lockDeployment } from './lifecycle-facts';
import { phaseResultSelect, toPhaseResult } from './phase-result';

/**
 * The IC starts the next phase of the track the deployment is on. Phases run one at a time and in
 * order (checkPhaseStart); starting never changes the deployment's state — the IC says "go live"
 * or "monitoring" explicitly, because those are decisions, not bookkeeping.
 */
export async function startPhase(
  actor: SignedInActor,
  deploymentId: string,
  phaseId: string,
  idempotencyKey?: string | null,
): Promise<{ phase: PhaseResult; seq: number; replayed: boolean }> {
  const access = await authorize(actor, 'deployment.drive', deploymentId);
  const { result, replayed } = await commit(
    async (tx, append) => {
      const current = await lockDeployment(tx, deploymentId);
      const { phases } = await loadTracks(tx, deploymentId);
      const check = checkPhaseStart({ phases, phaseId, deploymentState: current.state });
      if (!check.ok) {
        if (check.code === 'phase_not_found') throw new AppError('not_found', check.message);
        throw new AppError('illegal_transition', check.message, { refusal: check.code });
      }
      const startedAt = new Date();
      const phase = await tx.phase.update({
        where: { id: phaseId },
        data: { status: 'active', startedAt },
        select: phaseResultSelect,
      });
      const plannedStart =
        phase.plannedStartMin == null ? null : new Date(current.goLiveAt.getTime() + phase.plannedStartMin * 60_000);
      const event = await append({
        deploymentId,
        type: 'phase.started',
        actorId: actor.userId,
        actorName: actor.name,
        roleKey: actingRole(access.heldRoles),
        data: {
          phaseId,
          title: phase.title,
          kind: phase.kind,
          plannedStart: plannedStart?.toISOString() ?? null,
          plannedDurationMin: phase.plannedDurationMin,
          // Positive = started late, negative = early; null when the runbook gave no time.
          startDelaySeconds: plannedStart ? Math.round((startedAt.getTime() - plannedStart.getTime()) / 1000) : null,
        },
      });
      return { phase: toPhaseResult(phase), seq: event.seq };
    },
    idempotencyFor(actor.userId, idempotencyKey, `phase-start:${phaseId}`),
  );
  return { ...result, replayed };
}
