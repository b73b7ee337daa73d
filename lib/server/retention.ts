/**
 * What the leader forgets on purpose, once an hour: raw metric samples past their window
 * (lib/server/metrics/prune-samples.ts), idempotency records after a day (a retry that late is a
 * new request), and finished webhook deliveries after WEBHOOK_RETENTION_DAYS (default 30). Pending
 * deliveries are never pruned: they are still owed to a receiver. Settled status mails (sent,
 * cancelled, failed) go after the same time as webhook deliveries; unsent ones are still owed.
 */
import { prisma } from '@/lib/server/db';
import { env } from '@/lib/server/env';
import { pruneSamples } from '@/lib/server/metrics/prune-samples';

export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;

export function webhookRetentionMs(): number {
  return env().WEBHOOK_RETENTION_DAYS * 86_400_000;
}

export async function pruneIdempotencyRecords(now = Date.now()): Promise<number> {
  const { count } = await prisma.idempotencyRecord.deleteMany({
    where: { createdAt: { lt: new Date(now - IDEMPOTENCY_RETENTION_MS) } },
  });
  return count;
}

export async function pruneWebhookDeliveries(now = Date.now()): Promise<number> {
  // Only settled deliveries go: one still pending, retrying or being sent is work the worker owes.
  const { count } = await prisma.webhookDelivery.deleteMany({
    where: { createdAt: { lt: new Date(now - webhookRetentionMs()) }, status: { in: ['delivered', 'failed'] } },
  });
  return count;
}

export async function pruneStatusMails(now = Date.now()): Promise<number> {
  const { count } = await prisma.statusMail.deleteMany({
    where: { createdAt: { lt: new Date(now - webhookRetentionMs()) }, status: { in: ['sent', 'cancelled', 'failed'] } },
  });
  return count;
}

export async function pruneExpired(now = Date.now()): Promise<void> {
  await pruneSamples(now);
  await pruneIdempotencyRecords(now);
  await pruneWebhookDeliveries(now);
  await pruneStatusMails(now);
}
