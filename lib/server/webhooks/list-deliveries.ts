import 'server-only';
import type { DeliveryDto } from '@/lib/contracts/webhooks';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { authorizeWebhooks } from './authorize-webhooks';
import { findWebhook } from './find-webhook';

/** The newest deliveries of one webhook, with their result, for "did Slack get it?". */
export async function listDeliveries(
  actor: SignedInActor,
  deploymentId: string | null,
  webhookId: string,
  limit = 100,
): Promise<DeliveryDto[]> {
  await authorizeWebhooks(actor, deploymentId);
  await findWebhook(deploymentId, webhookId);
  const rows = await prisma.webhookDelivery.findMany({
    where: { webhookId },
    orderBy: { createdAt: 'desc' },
    take: limit,
  });
  const events = rows.length
    ? await prisma.event.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.eventId))] } },
        select: { id: true, seq: true, type: true, deploymentId: true },
      })
    : [];
  const byId = new Map(events.map((e) => [e.id, e]));
  return rows.map((row) => {
    const event = byId.get(row.eventId);
    const settled = row.status === 'delivered' || row.status === 'failed';
    return {
      id: row.id,
      eventSeq: event?.seq ?? null,
      eventType: event?.type ?? null,
      deploymentId: event?.deploymentId ?? null,
      status: row.status,
      attempts: row.attempts,
      lastStatus: row.lastStatus,
      lastError: row.lastError,
      nextAttemptAt: settled ? null : row.nextAttemptAt.toISOString(),
      deliveredAt: row.deliveredAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  });
}
