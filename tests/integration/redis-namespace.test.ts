import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeCrew } from '../support/crew';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { privateRedis, type PrivateRedis } from '../support/private-services';
import { collect, connect, connected, subscribe, type TestSocket } from '../support/socket';
import { until } from '../support/until';

const withDatabase = (url: string, name: string) => {
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return copy.toString();
};

/**
 * A staging install made from a copy of production's database holds the same deployment ids.
 * Sharing one Redis with production (a common shortcut), production's timeline must never reach
 * the watchers of the same war room on staging: each install's live updates stay in its own
 * namespace.
 */
describe('two installations sharing one Redis', () => {
  let redis: PrivateRedis;
  /** The fresh database's first server, stopped once the crew is made; its stop drops the database. */
  let original: OwnServer;
  let production: OwnServer;
  let staging: OwnServer;
  let stagingDatabase: string;
  let crew: Awaited<ReturnType<typeof makeCrew>>;
  let previousDatabaseUrl: string | undefined;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    redis = await privateRedis();
    const first = (original = await startOwnServer({ REDIS_URL: redis.url }, { freshDatabase: true }));
    previousDatabaseUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = first.databaseUrl;
    crew = await makeCrew();
    // Copied as an operator would, once nothing is connected to it.
    await prisma.$disconnect();
    await first.stopProcess();
    stagingDatabase = `${new URL(first.databaseUrl).pathname.slice(1)}_staging`;
    const owner = new pg.Client({ connectionString: first.databaseUrl });
    await owner.connect();
    await owner.query(
      `CREATE DATABASE "${stagingDatabase}" TEMPLATE "${new URL(first.databaseUrl).pathname.slice(1)}"`,
    );
    await owner.end();
    production = await startOwnServer({ REDIS_URL: redis.url }, { databaseOf: first });
    staging = await startOwnServer(
      { REDIS_URL: redis.url },
      {
        databaseOf: {
          databaseUrl: withDatabase(first.databaseUrl, stagingDatabase),
          appDatabaseUrl: withDatabase(first.appDatabaseUrl, stagingDatabase),
          adminToken: first.adminToken,
        },
      },
    );
  }, 120_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await staging?.stopProcess();
    await production?.stopProcess();
    if (stagingDatabase) {
      const owner = new pg.Client({ connectionString: original.databaseUrl });
      await owner.connect();
      await owner.query(`DROP DATABASE IF EXISTS "${stagingDatabase}" WITH (FORCE)`);
      await owner.end();
    }
    await original?.stop();
    await redis?.stop();
    process.env.DATABASE_URL = previousDatabaseUrl;
  });

  it('delivers production’s events to production’s watchers only', async () => {
    const watcher = connect({ token: crew.tokens.ic, baseUrl: staging.baseUrl });
    sockets.push(watcher);
    await connected(watcher);
    const seen = collect(watcher);
    expect((await subscribe(watcher, crew.deployment.id, crew.deployment.seq)).ok).toBe(true);

    // Everything published on the shared Redis, as a third listener hears it.
    const listener = new Redis(redis.url);
    const heard: Buffer[] = [];
    listener.on('pmessageBuffer', (_pattern: Buffer, _channel: Buffer, message: Buffer) => heard.push(message));
    await listener.psubscribe('*');
    try {
      const path = `/api/deployments/${crew.deployment.id}/status-updates`;
      expect((await production.request('POST', path, crew.tokens.ic, { message: 'from production' })).status).toBe(201);
      // Published: Redis has handed it to every subscriber, staging's included, before the next write.
      await until(() => heard.some((message) => message.includes('from production')));
      expect((await staging.request('POST', path, crew.tokens.ic, { message: 'from staging' })).status).toBe(201);
      await until(() => seen.events.some((event) => JSON.stringify(event).includes('from staging')));
      expect(seen.events.map((event) => JSON.stringify(event)).join('\n')).not.toContain('from production');
    } finally {
      listener.disconnect();
    }
  });
});
