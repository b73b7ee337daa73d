import 'server-only';
import type { WebhookDto } from '@/lib/contracts/webhooks';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { authorizeWebhooks } from './authorize-webhooks';
import { findWebhook } from './find-webhook';
import { toWebhookDto } from './webhook-dto';

/**
 * A global webhook's rehearsal opt-in: whether it also hears events of rehearsals (a deployment's
 * own webhooks always do, so there is nothing to set on them). Admins only, like every global
 * webhook; like pausing one, it belongs to no deployment, so no deployment's log records it.
 */
export async function setWebhookRehearsals(
  actor: SignedInActor,
  webhookId: string,
  includeRehearsals: boolean,
): Promise<{ webhook: WebhookDto }> {
  await authorizeWebhooks(actor, null);
  await findWebhook(null, webhookId);
  const changed = await prisma.webhook.updateMany({
    where: { id: webhookId, deploymentId: null },
    data: { includeRehearsals },
  });
  // Deleted between the lookup and the update.
  if (changed.count === 0) throw new AppError('not_found', 'No such webhook here.');
  return { webhook: toWebhookDto(await findWebhook(null, webhookId)) };
}
