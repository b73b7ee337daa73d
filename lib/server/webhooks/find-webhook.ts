import 'server-only';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';

/**
 * The webhook in this scope (a deployment's, or a global one for null), else 404: another scope's
 * webhook is not told apart from none, so an IC cannot probe for the ids of others.
 */
export async function findWebhook(deploymentId: string | null, webhookId: string) {
  const webhook = await prisma.webhook.findFirst({ where: { id: webhookId, deploymentId } });
  if (!webhook) throw new AppError('not_found', 'No such webhook here.');
  return webhook;
}
