import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { sql } from '@/lib/server/sql';
import { authorizeWebhooks } from './authorize-webhooks';
import { toWebhookDto, type WebhookDto } from './webhook-dto';

/**
 * `deliveries` counts every delivery by status, all-time; `failingNow` only the failures since the
 * webhook last delivered something, and `failingSince` when the first of them was queued: a
 * receiver that was down at midnight and works again is not an alarm at 3 a.m., and one that has
 * been down for an hour says so.
 */
export type WebhookListItem = WebhookDto & { deliveries: Record<string, number>; failingNow: number; failingSince: string | null };

type Standing = { webhookId: string; status: string; count: number; failingNow: number; failingSince: Date | null };

/** Per webhook and status, the count; on its `failed` row, the failures since the last delivery. */
async function deliveryStanding(webhookIds: string[]): Promise<Standing[]> {
  if (!webhookIds.length) return [];
  return sql<Standing>`
    SELECT d."webhookId", d."status", count(*)::int AS "count",
      (count(*) FILTER (WHERE d."status" = 'failed' AND d."createdAt" > COALESCE(ok."lastDelivered", '-infinity')))::int AS "failingNow",
      min(d."createdAt") FILTER (WHERE d."status" = 'failed' AND d."createdAt" > COALESCE(ok."lastDelivered", '-infinity')) AS "failingSince"
    FROM "WebhookDelivery" d
    LEFT JOIN LATERAL (
      SELECT max(s."createdAt") AS "lastDelivered" FROM "WebhookDelivery" s WHERE s."webhookId" = d."webhookId" AND s."status" = 'delivered'
    ) ok ON true
    WHERE d."webhookId" = ANY(${webhookIds}::text[])
    GROUP BY d."webhookId", d."status"`;
}

/** A deployment's webhooks (or the global ones), with how their deliveries stand. */
export async function listWebhooks(actor: SignedInActor, deploymentId: string | null): Promise<WebhookListItem[]> {
  await authorizeWebhooks(actor, deploymentId);
  const rows = await prisma.webhook.findMany({ where: { deploymentId }, orderBy: { createdAt: 'asc' } });
  const standing = await deliveryStanding(rows.map((r) => r.id));
  return rows.map((row) => {
    const mine = standing.filter((s) => s.webhookId === row.id);
    const failed = mine.find((s) => s.status === 'failed');
    return {
      ...toWebhookDto(row),
      deliveries: Object.fromEntries(mine.map((s) => [s.status, s.count])),
      failingNow: failed?.failingNow ?? 0,
      failingSince: failed?.failingSince?.toISOString() ?? null,
    };
  });
}
