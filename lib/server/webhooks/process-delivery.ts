import { afterFailure, topicOf, webhookPayload } from '@/lib/domain/webhooks';
import { publishWebhookAttempt } from '@/lib/realtime/server/publish';
import { prisma } from '@/lib/server/db';
import { env } from '@/lib/server/env';
import { toTimelineEvent } from '@/lib/server/events/append-event';
import { logger } from '@/lib/server/logger';
import { appMetrics } from '@/lib/server/observability/app-metrics';
import { sendSigned } from './send-webhook';

export const retryPolicy = () => ({ baseMs: env().WEBHOOK_BACKOFF_MS, maxAttempts: env().WEBHOOK_MAX_ATTEMPTS });

/**
 * Makes one attempt at one claimed delivery and records the outcome: delivered, retrying at
 * the next backoff step, or failed for good. Returns the delay before a retry, if any.
 */
export async function processDelivery(deliveryId: string): Promise<number | null> {
  const delivery = await prisma.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { webhook: true } });
  if (!delivery) return null;
  const row = await prisma.event.findUnique({ where: { id: delivery.eventId } });
  const deployment = row
    ? await prisma.deployment.findUnique({
        where: { id: row.deploymentId },
        select: { id: true, name: true, version: true },
      })
    : null;
  const event = row ? toTimelineEvent(row) : null;
  const topic = event ? topicOf(event) : null;
  if (!event || !deployment || !topic || !delivery.webhook.active) {
    // Paused while this was queued or retrying: dropped, since resuming replays nothing.
    const lastError = delivery.webhook.active ? 'event or webhook no longer exists' : 'webhook paused';
    await prisma.webhookDelivery.update({ where: { id: deliveryId }, data: { status: 'failed', lastError } });
    return null;
  }
  const sentAt = new Date();
  const body = JSON.stringify(
    webhookPayload({ event, topic, deployment, deliveryId, sentAt, chain: { seq: event.seq, hash: row?.hash ?? '' } }),
  );
  const result = await sendSigned(delivery.webhook, { body, topic, deliveryId, sentAt });
  const attempts = delivery.attempts + 1;
  // The IC watching the deployment's webhooks sees the outcome now rather than at their next poll.
  // (Global webhooks are an admin screen outside any war room: it polls.)
  const recorded = () => {
    if (delivery.webhook.deploymentId === deployment.id) publishWebhookAttempt(deployment.id);
  };
  if (result.ok) {
    await prisma.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: 'delivered', attempts, lastStatus: result.status, lastError: null, deliveredAt: new Date() },
    });
    appMetrics().webhookDeliveries.inc({ result: 'delivered' });
    recorded();
    return null;
  }
  const next = afterFailure(attempts, retryPolicy());
  await prisma.webhookDelivery.update({
    where: { id: deliveryId },
    data: {
      status: next.status,
      attempts,
      lastStatus: result.status,
      lastError: result.error,
      ...(next.status === 'retrying' ? { nextAttemptAt: new Date(Date.now() + next.delayMs) } : {}),
    },
  });
  appMetrics().webhookDeliveries.inc({ result: next.status });
  recorded();
  logger.warn('webhook.attempt_failed', {
    deliveryId,
    webhookId: delivery.webhookId,
    attempts,
    status: result.status,
    error: result.error,
    next: next.status,
  });
  return next.status === 'retrying' ? next.delayMs : null;
}
