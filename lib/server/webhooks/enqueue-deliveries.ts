import type { TimelineEvent } from '@/lib/domain/event-log';
import { topicOf } from '@/lib/domain/webhooks';
import type { Sql } from '@/lib/server/sql';

/**
 * Records one pending delivery per webhook that asked for these events' topics (the deployment's
 * own webhooks and the global ones; global ones skip rehearsals unless they opt in). Runs inside the transaction that appends the events — an
 * outbox — so a process that dies right after commit cannot lose a notification; the worker
 * sends them. One statement, because it runs while the deployment row is locked. Returns how
 * many were queued.
 */
export async function enqueueDeliveries(sql: Sql, events: readonly TimelineEvent[]): Promise<number> {
  const notifiable = events.flatMap((event) => {
    const topic = topicOf(event);
    return topic ? [{ event, topic }] : [];
  });
  if (notifiable.length === 0) return 0;
  const [queued] = await sql<{ count: number }>`
    WITH inserted AS (
      INSERT INTO "WebhookDelivery" ("id", "webhookId", "eventId")
      SELECT gen_random_uuid()::text, w."id", e."id"
      FROM unnest(${notifiable.map((n) => n.event.deploymentId)}::text[], ${notifiable.map((n) => n.event.seq)}::int[], ${notifiable.map((n) => n.topic)}::text[])
        AS n("deploymentId", "seq", "topic")
      JOIN "Event" e ON e."deploymentId" = n."deploymentId" AND e."seq" = n."seq"
      JOIN "Deployment" d ON d."id" = n."deploymentId"
      JOIN "Webhook" w ON w."active" AND n."topic" = ANY(w."eventTypes")
        AND (w."deploymentId" = n."deploymentId" OR (w."deploymentId" IS NULL AND (NOT d."rehearsal" OR w."includeRehearsals")))
      RETURNING 1
    )
    SELECT count(*)::int AS "count" FROM inserted`;
  return queued.count;
}
