import 'server-only';
import type { WebhookDto } from '@/lib/contracts/webhooks';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { actingRole } from '@/lib/server/deployments/load-access';
import { assertOutboundUrl } from '@/lib/server/egress';
import { AppError } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';
import { recordAccountEvent } from '@/lib/server/users/account-events';
import { authorizeWebhooks } from './authorize-webhooks';
import { findWebhook } from './find-webhook';
import { toWebhookDto } from './webhook-dto';

/**
 * Pauses (active false) or resumes a webhook. A paused webhook is left out when deliveries are
 * queued, so resuming sends only what happens from then on: nothing is replayed. Only a real
 * change is written — the update is conditional on the old value, so two clicks racing record
 * one event, and setting the value it already has records none.
 */
export async function setWebhookActive(
  actor: SignedInActor,
  deploymentId: string | null,
  webhookId: string,
  active: boolean,
): Promise<{ webhook: WebhookDto }> {
  const access = await authorizeWebhooks(actor, deploymentId);
  const { url } = await findWebhook(deploymentId, webhookId);
  // Resuming asks again: the operator may have closed the address since the webhook was made.
  if (active) assertOutboundUrl(url);
  const change = { where: { id: webhookId, active: !active }, data: { active } };
  if (!deploymentId || !access) {
    await prisma.$transaction(async (tx) => {
      const changed = await tx.webhook.updateMany(change);
      if (changed.count === 1)
        await recordAccountEvent(tx, actor, active ? 'global_webhook.resumed' : 'global_webhook.paused', {
          id: webhookId,
          host: new URL(url).hostname,
        });
    });
    return { webhook: toWebhookDto(await findWebhook(deploymentId, webhookId)) };
  }
  const { result } = await commit(async (tx, append) => {
    const changed = await tx.webhook.updateMany(change);
    if (changed.count === 1) {
      await append({
        deploymentId,
        type: active ? 'webhook.resumed' : 'webhook.paused',
        actorId: actor.userId,
        actorName: actor.name,
        roleKey: actingRole(access.heldRoles),
        data: { webhookId, host: new URL(url).hostname },
      });
    }
    return tx.webhook.findUnique({ where: { id: webhookId } });
  });
  // Deleted between the lookup and the update.
  if (!result) throw new AppError('not_found', 'No such webhook here.');
  return { webhook: toWebhookDto(result) };
}
