import { afterAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/server/db';
import { createTestDatabase } from '../../scripts/test-env.mjs';
import { until } from '../support/until';
import { webhookReceiver } from '../support/webhook-receiver';
import { startApp, tickAll, type App, type WriteOutcome } from './app';
import { seedFaultCrew } from './fault-crew';
import { Watcher } from './watcher';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const hook = webhookReceiver({ '/hold': ['hold'], '/ok': [200] });
const hookUrl = hook.start();
cleanups.push(() => hook.stop());

const WEBHOOK_ENV = { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '100' };

async function post(app: App, token: string, path: string, body: unknown) {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return response.json() as Promise<Record<string, unknown>>;
}

async function deliveryStatuses(deploymentId: string) {
  const rows = await getPrisma().webhookDelivery.findMany({
    where: { webhook: { deploymentId } },
    select: { status: true },
  });
  return rows.map((r) => r.status);
}

describe('webhook faults', () => {
  it('receivers that hang hold no tick back: every tick is acknowledged and reaches every watcher while they hang', async () => {
    const database = await createTestDatabase('webhook-hang');
    cleanups.push(database.drop);
    const { token, deploymentId, itemIds } = await seedFaultCrew(database.url, 20);
    // The receivers never answer within the run: any write or tick that waited on them would wait forever.
    const app = await startApp(database.url, { ...WEBHOOK_ENV, WEBHOOK_TIMEOUT_MS: '600000' });
    cleanups.push(() => app.kill());
    for (let i = 0; i < 10; i++)
      await post(app, token, `/api/deployments/${deploymentId}/webhooks`, {
        url: `${await hookUrl}/hold`,
        eventTypes: ['status.posted'],
      });
    await post(app, token, `/api/deployments/${deploymentId}/status-updates`, { message: 'Canary at 25 %' });
    // Every delivery slot of the worker is now stuck on a receiver that does not answer.
    await until(() => hook.heldOpen() === 8, 20_000, 'the worker saturated by hanging receivers');

    const watchers = Array.from({ length: 5 }, () => new Watcher(app.baseUrl, token, deploymentId));
    cleanups.push(() => watchers.forEach((w) => w.close()));
    const outcome: WriteOutcome = { acknowledged: new Set(), statuses: [], codes: [] };
    await tickAll(() => app.baseUrl, token, deploymentId, itemIds, outcome);
    await post(app, token, `/api/deployments/${deploymentId}/status-updates`, { message: 'Canary at 50 %' });
    const events = await getPrisma().event.findMany({ where: { deploymentId }, select: { seq: true } });
    const lastSeq = events.length;
    await until(() => watchers.every((w) => w.lastSeq === lastSeq), 30_000, 'watchers got every tick');

    expect(outcome.acknowledged.size).toBe(itemIds.length);
    expect(outcome.statuses.every((s) => s === 200)).toBe(true);
    for (const watcher of watchers)
      expect(watcher.events.map((e) => e.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
    // All of that happened while the receivers still held their requests.
    expect(hook.heldOpen()).toBe(8);
    expect((await deliveryStatuses(deploymentId)).filter((s) => s === 'sending')).toHaveLength(8);

    hook.release();
    await until(
      async () => (await deliveryStatuses(deploymentId)).filter((s) => s === 'delivered').length === 20,
      30_000,
      'every delivery sent once the receivers answer',
    );
  });

  it('with two processes, each delivery is sent once — before and after the leader dies', async () => {
    const database = await createTestDatabase('webhook-leader');
    cleanups.push(database.drop);
    const { token, deploymentId } = await seedFaultCrew(database.url, 1);
    const apps: App[] = [await startApp(database.url, WEBHOOK_ENV), await startApp(database.url, WEBHOOK_ENV)];
    cleanups.push(...apps.map((app) => () => app.kill()));
    await post(apps[0], token, `/api/deployments/${deploymentId}/webhooks`, {
      url: `${await hookUrl}/ok`,
      eventTypes: ['status.posted'],
    });

    const postOnBoth = async (round: string) => {
      for (let i = 0; i < 5; i++)
        for (const app of apps)
          if (app.child.exitCode === null && app.child.signalCode === null) {
            await post(app, token, `/api/deployments/${deploymentId}/status-updates`, { message: `${round} ${i}` });
          }
    };
    await postOnBoth('before');
    await until(
      async () => (await deliveryStatuses(deploymentId)).filter((s) => s === 'delivered').length === 10,
      20_000,
      'first deliveries sent',
    );

    const roles = await Promise.all(
      apps.map(async (app) => ((await (await fetch(`${app.baseUrl}/api/health`)).json()) as { worker: string }).worker),
    );
    expect(roles.filter((r) => r === 'leader')).toHaveLength(1);
    const leader = apps[roles.indexOf('leader')];
    await leader.kill('SIGKILL');
    await postOnBoth('after');
    await until(
      async () => (await deliveryStatuses(deploymentId)).filter((s) => s === 'delivered').length === 15,
      30_000,
      'the new leader sent the rest',
    );

    const ids = hook.of('/ok').map((r) => String(r.body.deliveryId));
    expect(ids).toHaveLength(15);
    expect(new Set(ids).size).toBe(15);
  });
});
