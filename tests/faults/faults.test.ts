import { afterAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/server/db';
import { createTestDatabase } from '../../scripts/test-env.mjs';
import { privatePostgres, privateRedis } from '../support/private-services';
import { until } from '../support/until';
import { startApp, tickAll, type App, type WriteOutcome } from './app';
import { seedFaultCrew, tickUnpublished } from './fault-crew';
import { PublicWatcher, Watcher } from './watcher';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function dbState(deploymentId: string) {
  const prisma = getPrisma();
  const events = await prisma.event.findMany({
    where: { deploymentId },
    orderBy: { seq: 'asc' },
    select: { seq: true },
  });
  const done = await prisma.checklistItem.findMany({ where: { deploymentId, status: 'done' }, select: { id: true } });
  return { seqs: events.map((e) => e.seq), done: new Set(done.map((d) => d.id)) };
}

function expectConverged(watchers: Watcher[], seqs: number[]) {
  for (const watcher of watchers) {
    expect(watcher.events.map((e) => e.seq)).toEqual(seqs);
    expect(watcher.duplicates === 0 || watcher.events.length === seqs.length).toBe(true);
  }
}

describe('faults', () => {
  it('kill -9 mid go-live: clients converge, nothing acknowledged is lost, nothing duplicated', async () => {
    const database = await createTestDatabase('faults');
    cleanups.push(database.drop);
    const { token, deploymentId, itemIds } = await seedFaultCrew(database.url, 24);
    const app = await startApp(database.url);
    cleanups.push(() => app.kill());
    const watchers = Array.from({ length: 5 }, () => new Watcher(app.baseUrl, token, deploymentId));
    cleanups.push(() => watchers.forEach((w) => w.close()));
    await until(() => watchers.every((w) => w.lastSeq === 1), 20_000, 'watchers subscribed');

    const outcome: WriteOutcome = { acknowledged: new Set(), statuses: [], codes: [] };
    let crashed: Promise<void> | null = null;
    await tickAll(
      () => app.baseUrl,
      token,
      deploymentId,
      itemIds,
      outcome,
      (n) => {
        if (n === 8 && !crashed) crashed = app.kill('SIGKILL').then(() => app.restart());
      },
    );
    await crashed;

    const { seqs, done } = await dbState(deploymentId);
    for (const id of outcome.acknowledged) expect(done.has(id)).toBe(true);
    expect(seqs).toEqual(Array.from({ length: itemIds.length + 1 }, (_, i) => i + 1));
    await until(() => watchers.every((w) => w.lastSeq === seqs.length), 30_000, 'watchers converged');
    expectConverged(watchers, seqs);
  });

  it('PostgreSQL restarted during writes: clear 503s, recovery without an app restart, nothing lost', async () => {
    const pg = await privatePostgres();
    cleanups.push(() => pg.destroy());
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = pg.url;
    const database = await createTestDatabase('pgfault');
    process.env.DATABASE_URL = previous;
    const { token, deploymentId, itemIds } = await seedFaultCrew(database.url, 12);
    const app = await startApp(database.url);
    cleanups.push(() => app.kill());

    const outcome: WriteOutcome = { acknowledged: new Set(), statuses: [], codes: [] };
    let outage: Promise<void> | null = null;
    const healthDuringOutage: number[] = [];
    await tickAll(
      () => app.baseUrl,
      token,
      deploymentId,
      itemIds,
      outcome,
      async (n) => {
        if (n !== 4 || outage) return;
        pg.stop();
        // While it is down: writes and health say so clearly.
        await until(
          async () => {
            const health = await fetch(`${app.baseUrl}/api/health`);
            healthDuringOutage.push(health.status);
            return health.status === 503;
          },
          20_000,
          'health 503',
        );
        const refused = await fetch(`${app.baseUrl}/api/deployments/${deploymentId}/items/${itemIds[5]}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ status: 'done', version: 1 }),
        });
        expect(refused.status).toBe(503);
        expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('db_unavailable');
        pg.start();
        outage = Promise.resolve();
      },
    );
    expect(healthDuringOutage).toContain(503);
    expect(outcome.statuses).not.toContain(500);
    const health = await fetch(`${app.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    const { done } = await dbState(deploymentId);
    for (const id of outcome.acknowledged) expect(done.has(id)).toBe(true);
    expect(outcome.acknowledged.size).toBe(itemIds.length);
  });

  it('Redis stopped while two processes run: each serves its own watchers; delivery resumes and clients resync', async () => {
    const redis = await privateRedis();
    cleanups.push(() => redis.stop());
    const database = await createTestDatabase('redisfault');
    cleanups.push(database.drop);
    const { token, deploymentId, itemIds } = await seedFaultCrew(database.url, 9);
    const a = await startApp(database.url, { REDIS_URL: redis.url });
    const b = await startApp(database.url, { REDIS_URL: redis.url });
    cleanups.push(
      () => a.kill(),
      () => b.kill(),
    );
    const onA = new Watcher(a.baseUrl, token, deploymentId);
    const onB = new Watcher(b.baseUrl, token, deploymentId);
    // A second deployment, quiet but for one lost change, followed by a stakeholder on A.
    const quiet = await seedFaultCrew(database.url, 1);
    const link = (await (
      await fetch(`${a.baseUrl}/api/deployments/${quiet.deploymentId}/share-links`, {
        method: 'POST',
        headers: { authorization: `Bearer ${quiet.token}`, 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as { token: string };
    const stakeholderOnA = new PublicWatcher(a.baseUrl, link.token);
    cleanups.push(
      () => onA.close(),
      () => onB.close(),
      () => stakeholderOnA.close(),
    );
    await until(() => onA.lastSeq === 1 && onB.lastSeq === 1 && stakeholderOnA.seq === 2, 20_000, 'subscribed');
    const outcome: WriteOutcome = { acknowledged: new Set(), statuses: [], codes: [] };

    await tickAll(() => a.baseUrl, token, deploymentId, itemIds.slice(0, 3), outcome);
    await until(() => onB.lastSeq === 4, 20_000, 'cross-process delivery');

    await redis.stop();
    await tickAll(() => b.baseUrl, token, deploymentId, itemIds.slice(3, 6), outcome);
    await until(() => onB.lastSeq === 7, 20_000, 'B serves its own watchers without Redis');
    await until(
      () => onA.isolated && onB.isolated,
      20_000,
      'each process tells its watchers it is cut off from the other',
    );
    // Writes whose publication is lost for good: only the servers' resync can bring them to anyone.
    await tickUnpublished(token, deploymentId, itemIds[6]);
    await tickUnpublished(quiet.token, quiet.deploymentId, quiet.itemIds[0]);

    // Nothing else happens, so no later event reveals the gaps: each server must tell its own
    // watchers to catch up once Redis is back.
    expect([onA.lastSeq, onB.lastSeq, stakeholderOnA.seq]).toEqual([4, 7, 2]);
    await redis.start();
    await until(() => onA.resyncHints > 0 && onB.resyncHints > 0, 30_000, 'each process tells its watchers to resync');
    await until(
      () => onA.lastSeq === 8 && onB.lastSeq === 8 && stakeholderOnA.seq === 3,
      20_000,
      'every watcher caught up without a further event',
    );
    await until(() => !onA.isolated && !onB.isolated, 20_000, 'each process says it is whole again');

    await tickAll(() => a.baseUrl, token, deploymentId, itemIds.slice(7), outcome);
    const { seqs } = await dbState(deploymentId);
    await until(
      () => onA.lastSeq === seqs.length && onB.lastSeq === seqs.length,
      30_000,
      'both converged after Redis returned',
    );
    expectConverged([onA, onB], seqs);
  });

  it('the leader dies: another process takes over the background work within 10 s', async () => {
    const database = await createTestDatabase('leader');
    cleanups.push(database.drop);
    const apps: App[] = [await startApp(database.url), await startApp(database.url)];
    cleanups.push(...apps.map((app) => () => app.kill()));
    const roles = async () =>
      Promise.all(
        apps.map(async (app) => {
          try {
            return ((await (await fetch(`${app.baseUrl}/api/health`)).json()) as { worker: string }).worker;
          } catch {
            return 'down';
          }
        }),
      );
    await until(async () => (await roles()).filter((r) => r === 'leader').length === 1, 20_000, 'one leader');
    const leaderIndex = (await roles()).indexOf('leader');
    const other = apps[1 - leaderIndex];
    await apps[leaderIndex].kill('SIGKILL');
    // The promise: a standby takes over within 10 s.
    await until(
      async () =>
        ((await (await fetch(`${other.baseUrl}/api/health`)).json()) as { worker: string }).worker === 'leader',
      10_000,
      'takeover',
    );
  });
});
