import 'server-only';
import { rescheduleRefusal } from '@/lib/domain/schedule';
import type { RescheduleInput } from '@/lib/schemas/lifecycle';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';
import { idempotencyFor, lockDeployment } from './lifecycle-facts';

export type RescheduleResult = { goLiveAt: string; seq: number | null };

/**
 * The IC moves T0 before the go-live starts. One `deployment.rescheduled` event records the move:
 * the timeline shows it, and the status calendar counts these events for its SEQUENCE. Moving
 * to the time it already has changes nothing and records nothing.
 */
export async function rescheduleDeployment(
  actor: SignedInActor,
  deploymentId: string,
  input: RescheduleInput,
  idempotencyKey?: string | null,
): Promise<RescheduleResult & { replayed: boolean }> {
  const access = await authorize(actor, 'deployment.drive', deploymentId);
  const to = new Date(input.goLiveAt);
  const reason = input.reason?.trim() || null;
  const { result, replayed } = await commit(
    async (tx, append) => {
      const current = await lockDeployment(tx, deploymentId);
      const refusal = rescheduleRefusal(current.state, current.heldFromState);
      if (refusal) throw new AppError('illegal_transition', refusal, { refusal: 'go_live_started' });
      if (current.goLiveAt.getTime() === to.getTime()) return { goLiveAt: to.toISOString(), seq: null };
      await tx.deployment.update({ where: { id: deploymentId }, data: { goLiveAt: to } });
      const event = await append({
        deploymentId,
        type: 'deployment.rescheduled',
        actorId: actor.userId,
        actorName: actor.name,
        roleKey: actingRole(access.heldRoles),
        data: { from: current.goLiveAt.toISOString(), to: to.toISOString(), reason },
      });
      return { goLiveAt: to.toISOString(), seq: event.seq };
    },
    idempotencyFor(actor.userId, idempotencyKey, `reschedule:${deploymentId}`),
  );
  return { ...result, replayed };
}
