import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { sql } from '@/lib/server/sql';
import { authorizeWebhooks } from './authorize-webhooks';
import { toWebhookDto, type WebhookDto } from './webhook-dto';

/**
 * `deliveries` counts every delivery by status, all-time; `failingNow` only the failures since the
 * webhook last delivered something: a receiver that was down at midnight and works again is not
 * an alarm at 3 a.m.
 */
export type WebhookListItem = WebhookDto & { deliveries: Record<string, number>; failingNow: number };

/** A deployment's webhooks (or the global ones), with how their deliveries stand. */
export async function listWebhooks(actor: SignedInActor, deploymentId: string | null): Promise<WebhookListItem[]> {
  await authorizeWebhooks(actor, deploymentId);
  const rows = await prisma.webhook.findMany({ where: { deploymentId }, orderBy: { createdAt: 'asc' } });
  const counts = rows.length
    ? await prisma.webhookDelivery.groupBy({ by: ['webhookId', 'status'], where: { webhookId: { in: rows.map((r) => r.id) } }, _count: { _all: true } })
    : [];
  const failing = rows.length
    ? await sql<{ webhookId: string; count: number }>`
        SELECT d."webhookId", count(*)::int AS "count"
        FROM "WebhookDelivery" d
        WHERE d."webhookId" = ANY(${rows.map((r) => r.id)}::text[]) AND d."status" = 'failed'
          AND d."createdAt" > COALESCE(
            (SELECT max(ok."createdAt") FROM "WebhookDelivery" ok WHERE ok."webhookId" = d."webhookId" AND ok."status" = 'delivered'),
            '-infinity')
        GROUP BY d."webhookId"`
    : [];
  return rows.map((row) => ({
    ...toWebhookDto(row),
    deliveries: Object.fromEntries(counts.filter((c) => c.webhookId === row.id).map((c) => [c.status, c._count._all])),
    failingNow: failing.find((f) => f.webhookId === row.id)?.count ?? 0,
  }));
}
