import type { TimelineEvent } from '@/lib/domain/event-log';
import { topicOf } from '@/lib/domain/webhooks';
import type { Tx } from '@/lib/server/db';

/**
 * Records one pending delivery per webhook that asked for these events' topics (the deployment's
 * own webhooks and the global ones). Runs inside the transaction that appends the events — an
 * outbox — so a process that dies right after commit cannot lose a notification; the worker
 * sends them. Returns how many were queued.
 */
export async function enqueueDeliveries(tx: Tx, events: readonly TimelineEvent[]): Promise<number> {
  const notifiable = events.flatMap((event) => {
    const topic = topicOf(event);
    return topic ? [{ event, topic }] : [];
  });
  if (notifiable.length === 0) return 0;
  const deploymentIds = [...new Set(notifiable.map(({ event }) => event.deploymentId))];
  const webhooks = await tx.webhook.findMany({
    where: { active: true, OR: [{ deploymentId: { in: deploymentIds } }, { deploymentId: null }] },
    select: { id: true, deploymentId: true, eventTypes: true },
  });
  const wanted = notifiable.flatMap(({ event, topic }) =>
    webhooks
      .filter((w) => w.eventTypes.includes(topic) && (w.deploymentId === null || w.deploymentId === event.deploymentId))
      .map((w) => ({ webhookId: w.id, event })),
  );
  if (wanted.length === 0) return 0;
  const rows = await tx.event.findMany({
    where: { OR: [...new Set(wanted.map((w) => w.event))].map((e) => ({ deploymentId: e.deploymentId, seq: e.seq })) },
    select: { id: true, deploymentId: true, seq: true },
  });
  const idOf = new Map(rows.map((r) => [`${r.deploymentId}#${r.seq}`, r.id]));
  const data = wanted.flatMap(({ webhookId, event }) => {
    const eventId = idOf.get(`${event.deploymentId}#${event.seq}`);
    return eventId === undefined ? [] : [{ webhookId, eventId }];
  });
  const { count } = await tx.webhookDelivery.createMany({ data });
  return count;
}
