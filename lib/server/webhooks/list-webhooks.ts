import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { authorizeWebhooks } from './authorize-webhooks';
import { toWebhookDto, type WebhookDto } from './webhook-dto';

export type WebhookListItem = WebhookDto & { deliveries: Record<string, number> };

/** A deployment's webhooks (or the global ones), with how their deliveries stand. */
export async function listWebhooks(actor: SignedInActor, deploymentId: string | null): Promise<WebhookListItem[]> {
  await authorizeWebhooks(actor, deploymentId);
  const rows = await prisma.webhook.findMany({ where: { deploymentId }, orderBy: { createdAt: 'asc' } });
  const counts = rows.length
    ? await prisma.webhookDelivery.groupBy({ by: ['webhookId', 'status'], where: { webhookId: { in: rows.map((r) => r.id) } }, _count: { _all: true } })
    : [];
  return rows.map((row) => ({
    ...toWebhookDto(row),
    deliveries: Object.fromEntries(counts.filter((c) => c.webhookId === row.id).map((c) => [c.status, c._count._all])),
  }));
}
