import type { TimelineEvent } from '@/lib/domain/event-log';
import { topicOf } from '@/lib/domain/webhooks';
import { prisma } from '@/lib/server/db';

/**
 * Records one pending delivery per webhook that asked for this event's topic (the deployment's
 * own webhooks and the global ones). Runs after commit, in the process that committed; the
 * worker sends them. Returns how many were queued.
 */
export async function enqueueDeliveries(event: TimelineEvent): Promise<number> {
  const topic = topicOf(event);
  if (!topic) return 0;
  const webhooks = await prisma.webhook.findMany({
    where: { active: true, eventTypes: { has: topic }, OR: [{ deploymentId: event.deploymentId }, { deploymentId: null }] },
    select: { id: true },
  });
  if (webhooks.length === 0) return 0;
  const row = await prisma.event.findUnique({ where: { deploymentId_seq: { deploymentId: event.deploymentId, seq: event.seq } }, select: { id: true } });
  if (!row) return 0;
  const { count } = await prisma.webhookDelivery.createMany({ data: webhooks.map((w) => ({ webhookId: w.id, eventId: row.id })) });
  return count;
}
