import 'server-only';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { actingRole } from '@/lib/server/deployments/load-access';
import { commit } from '@/lib/server/events/commit';
import { recordAccountEvent } from '@/lib/server/users/account-events';
import { authorizeWebhooks } from './authorize-webhooks';
import { findWebhook } from './find-webhook';

/** Removes a webhook and its delivery history; nothing more is sent to it. */
export async function deleteWebhook(
  actor: SignedInActor,
  deploymentId: string | null,
  webhookId: string,
): Promise<{ deleted: true }> {
  const access = await authorizeWebhooks(actor, deploymentId);
  const webhook = await findWebhook(deploymentId, webhookId);
  if (!deploymentId || !access) {
    await prisma.$transaction(async (tx) => {
      const gone = await tx.webhook.deleteMany({ where: { id: webhookId } });
      if (gone.count === 1)
        await recordAccountEvent(tx, actor, 'global_webhook.deleted', {
          id: webhookId,
          host: new URL(webhook.url).hostname,
        });
    });
    return { deleted: true };
  }
  await commit(async (tx, append) => {
    const gone = await tx.webhook.deleteMany({ where: { id: webhookId } });
    if (gone.count === 1) {
      await append({
        deploymentId,
        type: 'webhook.deleted',
        actorId: actor.userId,
        actorName: actor.name,
        roleKey: actingRole(access.heldRoles),
        data: { webhookId, host: new URL(webhook.url).hostname },
      });
    }
  });
  return { deleted: true };
}
