import 'server-only';
import { checkTransition } from '@/lib/domain/deployment-state';
import { deploymentGuards } from '@/lib/domain/phases';
import type { TransitionInput } from '@/lib/schemas/lifecycle';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';
import {
  idempotencyFor,
  loadTracks,
  lockDeployment,
  stateChange,
  stateSelect,
  toStateDto,
  transitionRefusal,
  type DeploymentStateDto,
} from './lifecycle-facts';

export type TransitionResult = { deployment: DeploymentStateDto; seq: number };

/**
 * The IC moves the deployment to another state: preflight, go live, monitoring, complete, hold and
 * resume, abort. The state machine decides, inside the transaction, on the phases and gates as
 * they are at that moment; one `deployment.transitioned` event records the move.
 */
export async function transitionDeployment(
  actor: SignedInActor,
  deploymentId: string,
  input: TransitionInput,
  idempotencyKey?: string | null,
): Promise<TransitionResult & { replayed: boolean }> {
  const access = await authorize(actor, 'deployment.drive', deploymentId);
  const reason = input.reason?.trim() || null;
  const { result, replayed } = await commit(
    async (tx, append) => {
      const current = await lockDeployment(tx, deploymentId);
      // Starting a rollback needs a level as well as a reason and switches the room to the rollback
      // checklist: that is the rollback endpoint's job. Resuming a held rollback is a plain move.
      if (input.to === 'rolling_back' && !(current.state === 'on_hold' && current.heldFromState === 'rolling_back')) {
        throw new AppError(
          'illegal_transition',
          'A rollback is declared with its level and reason: use “Declare rollback” (POST /api/deployments/:id/rollback).',
          { refusal: 'use_rollback' },
        );
      }
      const tracks = await loadTracks(tx, deploymentId);
      const check = checkTransition({
        from: current.state,
        to: input.to,
        heldFrom: current.heldFromState,
        reason,
        context: deploymentGuards(tracks),
      });
      if (!check.ok) throw transitionRefusal(check);
      const updated = await tx.deployment.update({
        where: { id: deploymentId },
        data: stateChange(current, input.to, check.heldFromState, reason, new Date()),
        select: stateSelect,
      });
      const event = await append({
        deploymentId,
        type: 'deployment.transitioned',
        actorId: actor.userId,
        actorName: actor.name,
        roleKey: actingRole(access.heldRoles),
        data: {
          from: current.state,
          to: input.to,
          reason,
          ...(current.state === 'on_hold' ? { resumed: input.to === current.heldFromState } : {}),
          ...(check.heldFromState ? { heldFrom: check.heldFromState } : {}),
        },
      });
      return { deployment: toStateDto(updated), seq: event.seq };
    },
    idempotencyFor(actor.userId, idempotencyKey, `transition:${deploymentId}`),
  );
  return { ...result, replayed };
}
