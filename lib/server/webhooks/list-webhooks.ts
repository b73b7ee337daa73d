import 'server-only';
import type { WebhookListItem } from '@/lib/contracts/webhooks';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { sql } from '@/lib/server/sql';
import { authorizeWebhooks } from './authorize-webhooks';
import { toWebhookDto } from './webhook-dto';

type Standing = { webhookId: string; status: string; count: number; failingNow: number; failingSince: Date | null };

/**
 * Per webhook and status, the count, and how many of them (and since when) came after the
 * webhook's last delivery — read off its `failed` row. The last delivery is found once per
 * webhook, not once per row.
 */
async function deliveryStanding(webhookIds: string[]): Promise<Standing[]> {
  if (!webhookIds.length) return [];
  return sql<Standing>`
    WITH last AS (
      SELECT "webhookId", max("createdAt") AS "deliveredAt" FROM "WebhookDelivery"
      WHERE "webhookId" = ANY(${webhookIds}::text[]) AND "status" = 'delivered'
      GROUP BY "webhookId"
    )
    SELECT d."webhookId", d."status", count(*)::int AS "count",
      (count(*) FILTER (WHERE last."deliveredAt" IS NULL OR d."createdAt" > last."deliveredAt"))::int AS "failingNow",
      min(d."createdAt") FILTER (WHERE last."deliveredAt" IS NULL OR d."createdAt" > last."deliveredAt") AS "failingSince"
    FROM "WebhookDelivery" d LEFT JOIN last USING ("webhookId")
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
