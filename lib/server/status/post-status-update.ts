import 'server-only';
import { COMMS_ROLE_KEYS } from '@/lib/domain/rbac';
import type { PostStatusUpdateInput } from '@/lib/schemas/status';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { commit } from '@/lib/server/events/commit';

export type StatusUpdateDto = { seq: number; at: string; message: string; by: string };

/**
 * The IC or comms posts a headline ("Canary at 25 %, all metrics green"). It is an event like
 * any other: the timeline, the public status page and the webhooks all read it from the log.
 */
export async function postStatusUpdate(
  actor: SignedInActor,
  deploymentId: string,
  input: PostStatusUpdateInput,
  idempotencyKey?: string | null,
): Promise<StatusUpdateDto & { replayed: boolean }> {
  const access = await authorize(actor, 'status.post', deploymentId);
  const comms = access.heldRoles.find((r) => COMMS_ROLE_KEYS.includes(r.key))?.key;
  const { result, replayed } = await commit(
    async (_tx, append) => {
      const event = await append({
        deploymentId,
        type: 'status.posted',
        actorId: actor.userId,
        actorName: actor.name,
        roleKey: actingRole(access.heldRoles, comms),
        data: { message: input.message },
      });
      return { seq: event.seq, at: event.at, message: input.message, by: actor.name };
    },
    idempotencyKey ? { userId: actor.userId, key: idempotencyKey, scope: `status.post:${deploymentId}` } : null,
  );
  return { ...result, replayed };
}
