import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { pruneIdempotencyRecords, pruneWebhookDeliveries } from '@/lib/server/retention';

const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms);

describe('the leader forgets what it may', () => {
  it('prunes idempotency records after 24 hours and keeps fresh ones', async () => {
    const userId = `retention-${crypto.randomUUID()}`;
    await prisma.idempotencyRecord.createMany({
      data: [
        { userId, key: 'old', scope: 'test', status: 201, response: {}, createdAt: ago(25 * 3_600_000) },
        { userId, key: 'fresh', scope: 'test', status: 201, response: {}, createdAt: ago(23 * 3_600_000) },
      ],
    });
    expect(await pruneIdempotencyRecords()).toBeGreaterThanOrEqual(1);
    expect((await prisma.idempotencyRecord.findMany({ where: { userId } })).map((r) => r.key)).toEqual(['fresh']);
  });

  it('prunes settled webhook deliveries after WEBHOOK_RETENTION_DAYS (30) and never one still owed', async () => {
    const hook = await prisma.webhook.create({
      data: {
        url: 'https://receiver.example/hook',
        secret: 's',
        eventTypes: ['deployment.finished'],
        deploymentId: null,
      },
    });
    // Every next attempt is a day off, so no webhook worker of another test file claims an owed delivery
    // while this test looks: what is asserted is the pruning, not the worker.
    const delivery = (status: string, age: number) => ({
      webhookId: hook.id,
      eventId: BigInt(1),
      status,
      createdAt: ago(age),
      nextAttemptAt: ago(-DAY),
    });
    await prisma.webhookDelivery.createMany({
      data: [
        delivery('delivered', 31 * DAY),
        delivery('failed', 31 * DAY),
        delivery('pending', 31 * DAY),
        delivery('retrying', 31 * DAY),
        delivery('sending', 31 * DAY),
        delivery('delivered', 29 * DAY),
      ],
    });
    expect(await pruneWebhookDeliveries()).toBeGreaterThanOrEqual(2);
    const left = await prisma.webhookDelivery.findMany({ where: { webhookId: hook.id } });
    const ages = left.map((d) => [d.status, Math.round((Date.now() - d.createdAt.getTime()) / DAY)]);
    expect(ages.sort()).toEqual([
      ['delivered', 29],
      ['pending', 31],
      ['retrying', 31],
      ['sending', 31],
    ]);
    await prisma.webhook.delete({ where: { id: hook.id } });
  });
});
