import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PRESENCE_LIST_MAX } from '@/lib/domain/merge-presence';
import type { PresencePayload } from '@/lib/realtime/protocol/events';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { makeCrew } from '../support/crew';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { privateRedis, type PrivateRedis } from '../support/private-services';
import { connect, connected, subscribe, type TestSocket } from '../support/socket';
import { until } from '../support/until';

const open: TestSocket[] = [];
afterEach(() => {
  for (const socket of open.splice(0)) socket.disconnect();
});
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

const canonical = (people: Record<string, string[]>) => JSON.stringify(Object.entries(people).sort());

/** A person's connection, watching the deployment, keeping the latest "who is online" it was sent. */
async function watch(deploymentId: string, token: string, baseUrl?: string) {
  const socket = connect({ token, baseUrl });
  open.push(socket);
  let latest: PresencePayload['online'] = [];
  let total = 0;
  socket.on('deployment:presence', (payload) => ((latest = payload.online), (total = payload.total)));
  await connected(socket);
  const ack = await subscribe(socket, deploymentId, 0);
  if (!ack.ok) throw new Error(ack.error.message);
  const online = () => canonical(Object.fromEntries(latest.map((p) => [p.name, p.roleKeys])));
  /** Resolves once the latest announcement is exactly `expected` (name → role keys). */
  const sees = (expected: Record<string, string[]>) =>
    until(
      () => online() === canonical(expected),
      20_000,
      () => `${canonical(expected)} online, last told ${online()}`,
    );
  return { socket, sees, told: () => ({ online: latest, total }) };
}

describe('who is online', () => {
  it('lists each person watching once, with their roles, and drops whoever leaves', async () => {
    const crew = await makeCrew();
    const ic = await watch(crew.deployment.id, crew.tokens.ic);
    const dba = await watch(crew.deployment.id, crew.tokens.dba);
    // Quinn holds QA and DevOps, and has the war room open twice.
    await watch(crew.deployment.id, crew.tokens.qa);
    await watch(crew.deployment.id, crew.tokens.qa);
    const everyone = { 'Iris IC': ['ic'], 'Dana DBA': ['dba'], 'Quinn QA': ['qa', 'devops'] };
    await ic.sees(everyone);
    await dba.sees(everyone);

    dba.socket.disconnect();
    await ic.sees({ 'Iris IC': ['ic'], 'Quinn QA': ['qa', 'devops'] });
  });

  it('counts the people connected to every process when they share Redis', async () => {
    const redis: PrivateRedis = await privateRedis();
    stops.push(() => redis.stop());
    const servers: OwnServer[] = [];
    for (let i = 0; i < 2; i++) {
      const server = await startOwnServer({ REDIS_URL: redis.url });
      stops.push(server.stop);
      servers.push(server);
    }
    const crew = await makeCrew();
    const ic = await watch(crew.deployment.id, crew.tokens.ic, servers[0].baseUrl);
    const dba = await watch(crew.deployment.id, crew.tokens.dba, servers[1].baseUrl);
    const both = { 'Iris IC': ['ic'], 'Dana DBA': ['dba'] };
    await ic.sees(both);
    await dba.sees(both);

    dba.socket.disconnect();
    await ic.sees({ 'Iris IC': ['ic'] });
  });

  it('names at most PRESENCE_LIST_MAX people of a crowd, role holders first, and counts everyone', async () => {
    const crew = await makeCrew();
    const ic = await watch(crew.deployment.id, crew.tokens.ic);
    // Admins may watch any deployment without a role: a crowd of people who hold none.
    const crowd = await Promise.all(
      Array.from({ length: PRESENCE_LIST_MAX }, async (_, i) =>
        makeToken((await makeUser({ name: `Watcher ${i}`, isAdmin: true })).id),
      ),
    );
    await Promise.all(crowd.map((token) => watch(crew.deployment.id, token)));
    await until(
      () => ic.told().total === PRESENCE_LIST_MAX + 1,
      30_000,
      () => `told ${ic.told().total} online`,
    );
    const { online } = ic.told();
    expect(online).toHaveLength(PRESENCE_LIST_MAX);
    expect(online[0]).toMatchObject({ name: 'Iris IC', roleKeys: ['ic'] });
  });
});
