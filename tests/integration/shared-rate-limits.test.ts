import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCrew } from '../support/crew';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { privateRedis, type PrivateRedis } from '../support/private-services';

/**
 * Behind a load balancer every process must count into the same buckets, or each limit is one per
 * process: two servers sharing a Redis of the test's own, which the last test stops.
 */
describe('rate limits shared by the processes through Redis', () => {
  let redis: PrivateRedis;
  let servers: OwnServer[];

  beforeAll(async () => {
    redis = await privateRedis();
    servers = [];
    for (let i = 0; i < 2; i++)
      servers.push(await startOwnServer({ REDIS_URL: redis.url, AUTH_RATE_LIMIT: 'on', WRITE_RATE_LIMIT: '4' }));
  }, 90_000);

  afterAll(async () => {
    for (const server of servers ?? []) await server.stop();
    await redis?.stop();
  });

  /** A status update by the crew's IC through each server in turn. */
  async function writesInTurn(count: number) {
    const crew = await makeCrew();
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = servers[i % 2];
      const response = await server.request(
        'POST',
        `/api/deployments/${crew.deployment.id}/status-updates`,
        crew.tokens.ic,
        { message: `update ${i}` },
      );
      statuses.push(response.status);
    }
    return statuses;
  }

  it('counts a user’s writes on every process against one limit', async () => {
    expect(await writesInTurn(6)).toEqual([201, 201, 201, 201, 429, 429]);
  });

  it('counts failed sign-ins on every process against one limit', async () => {
    const attempt = (server: OwnServer) =>
      fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.baseUrl },
        body: JSON.stringify({ email: 'nobody-guessing@example.test', password: 'wrong-password' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt(servers[i % 2])).status);
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('still limits each process while Redis is down, and answers every request', async () => {
    await redis.stop();
    // Each server keeps its own bucket meanwhile: 4 writes through each, then refused.
    expect(await writesInTurn(10)).toEqual([201, 201, 201, 201, 201, 201, 201, 201, 429, 429]);
  });
});
