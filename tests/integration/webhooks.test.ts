import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import type { DeliveryDto } from '@/lib/server/webhooks/list-deliveries';
import { makeDeployment, makeToken, makeUser } from '@/lib/server/seed/factories';
import { http as client } from '../support/http';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { makeWarRoom } from '../support/war-room';
import { webhookReceiver } from '../support/webhook-receiver';

const BACKOFF_MS = 400;
const hook = webhookReceiver({ '/flaky': [500, 503, 200], '/down': [500], '/hang': ['hang'] });
let own: OwnServer;
let hookUrl: string;
let previousDatabaseUrl: string | undefined;

// A server of its own on a fresh database: it is the only process there, so its worker (with
// fast retries and loopback receivers allowed) is the one that delivers.
beforeAll(async () => {
  hookUrl = await hook.start();
  own = await startOwnServer(
    { WEBHOOK_BACKOFF_MS: String(BACKOFF_MS), WEBHOOK_POLL_MS: '100', WEBHOOK_TIMEOUT_MS: '1000', WEBHOOK_MAX_ATTEMPTS: '4', WEBHOOK_ALLOW_PRIVATE: 'true' },
    { freshDatabase: true },
  );
  previousDatabaseUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = own.databaseUrl;
});

afterAll(async () => {
  await own?.stop();
  await hook.stop();
  process.env.DATABASE_URL = previousDatabaseUrl;
});

async function deliveries(token: string, deploymentId: string, webhookId: string) {
  return (await own.request('GET', `/api/deployments/${deploymentId}/webhooks/${webhookId}/deliveries`, token)).body.deliveries as DeliveryDto[];
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('webhooks', () => {
  it('deliver signed, Slack-compatible JSON and retry failures with exponential backoff', async () => {
    const room = await makeWarRoom();
    const id = room.deployment.id;
    const created = await own.request('POST', `/api/deployments/${id}/webhooks`, room.tokens.ic, { url: `${hookUrl}/flaky`, eventTypes: ['status.posted', 'phase.started'] });
    expect(created.status).toBe(201);
    const { webhook, secret } = created.body;
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({ deploymentId: id, url: `${hookUrl}/flaky`, eventTypes: ['status.posted', 'phase.started'], active: true });
    const listed = await own.request('GET', `/api/deployments/${id}/webhooks`, room.tokens.ic);
    expect(listed.body.webhooks).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    // An event nobody subscribed to is not sent.
    const item = room.itemOf('dba');
    await own.request('PATCH', `/api/deployments/${id}/items/${item.id}`, room.tokens.ic, { status: 'done', version: item.version });
    expect((await own.request('POST', `/api/deployments/${id}/status-updates`, room.tokens.ic, { message: 'Canary at 25 %' })).status).toBe(201);
    // Queued by the write's own transaction: listed the moment the write is acknowledged.
    expect((await deliveries(room.tokens.ic, id, webhook.id)).map((d) => d.eventType)).toEqual(['status.posted']);

    const attempts = await hook.waitFor('/flaky', 3);
    const gaps = [attempts[1].at - attempts[0].at, attempts[2].at - attempts[1].at];
    expect(gaps[0]).toBeGreaterThanOrEqual(BACKOFF_MS - 50);
    expect(gaps[1]).toBeGreaterThanOrEqual(2 * BACKOFF_MS - 50);
    for (const attempt of attempts) {
      const expected = `sha256=${createHmac('sha256', secret).update(attempt.raw).digest('hex')}`;
      expect(attempt.headers['x-warroom-signature']).toBe(expected);
      expect(Math.abs(Number(attempt.headers['x-warroom-timestamp']) * 1000 - attempt.at)).toBeLessThan(60_000);
      expect(attempt.headers['x-warroom-event']).toBe('status.posted');
      expect(attempt.body).toMatchObject({
        text: `[${room.deployment.name} 2.4.0] Iris IC posted: Canary at 25 %`,
        blocks: expect.any(Array),
        topic: 'status.posted',
        deployment: { id, name: room.deployment.name },
        event: { type: 'status.posted', data: { message: 'Canary at 25 %' } },
      });
    }
    expect(attempts.map((a) => a.body.deliveryId)).toEqual(Array(3).fill(attempts[0].body.deliveryId));

    const [delivery] = await until(() => deliveries(room.tokens.ic, id, webhook.id), (list) => list[0]?.status === 'delivered');
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 200, lastError: null, eventType: 'status.posted', deliveredAt: expect.any(String) });
    expect(hook.received.filter((r) => r.path === '/flaky')).toHaveLength(3);
  });

  it('give up after the last attempt, and time out a receiver that never answers', async () => {
    const room = await makeWarRoom();
    const id = room.deployment.id;
    const down = (await own.request('POST', `/api/deployments/${id}/webhooks`, room.tokens.ic, { url: `${hookUrl}/down`, eventTypes: ['status.posted'] })).body.webhook;
    const hang = (await own.request('POST', `/api/deployments/${id}/webhooks`, room.tokens.ic, { url: `${hookUrl}/hang`, eventTypes: ['status.posted'] })).body.webhook;

    for (let i = 0; i < 3; i++) expect((await own.request('POST', `/api/deployments/${id}/status-updates`, room.tokens.ic, { message: `Update ${i}` })).status).toBe(201);
    const items = room.items.slice(0, 5);
    for (const item of items) expect((await own.request('PATCH', `/api/deployments/${id}/items/${item.id}`, room.tokens.ic, { status: 'done', version: item.version })).status).toBe(200);

    const failed = await until(() => deliveries(room.tokens.ic, id, down.id), (list) => list.length === 3 && list.every((d) => d.status === 'failed'));
    expect(failed.map((d) => [d.status, d.attempts, d.lastStatus, d.lastError])).toEqual(Array(3).fill(['failed', 4, 500, 'HTTP 500']));
    const hung = await until(() => deliveries(room.tokens.ic, id, hang.id), (list) => list.length === 3 && list.every((d) => d.attempts >= 1 && d.status !== 'sending'));
    for (const d of hung) expect(d).toMatchObject({ lastStatus: null, lastError: 'timed out after 1000 ms' });

    const metrics = await (await fetch(`${own.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/warroom_webhook_deliveries_total\{result="failed"\} [1-9]/);
    expect(metrics).toMatch(/warroom_webhook_deliveries_total\{result="delivered"\} [1-9]/);
  });

  it('are managed by the IC per deployment and by admins globally; a global one hears every deployment', async () => {
    const room = await makeWarRoom();
    const id = room.deployment.id;
    const body = { url: `${hookUrl}/global`, eventTypes: ['status.posted'] };
    for (const token of [room.tokens.dba, room.tokens.stakeholder, room.tokens.outsider]) {
      expect((await own.request('POST', `/api/deployments/${id}/webhooks`, token, body)).status).toBe(403);
    }
    expect((await own.request('POST', '/api/webhooks', room.tokens.ic, body)).status).toBe(403);
    const limited = await makeToken((await makeUser({ isAdmin: true })).id, ['read', 'write'], id);
    expect((await own.request('POST', '/api/webhooks', limited, body)).status).toBe(403);
    const global = await own.request('POST', '/api/webhooks', own.adminToken, body);
    expect(global.status).toBe(201);
    expect(await prisma.webhook.count({ where: { deploymentId: id } })).toBe(0);

    const ic = await makeUser({ name: 'Other IC' });
    const other = await makeDeployment({ people: { ic: [ic.id] } });
    expect((await own.request('POST', `/api/deployments/${other.id}/status-updates`, await makeToken(ic.id), { message: 'Elsewhere' })).status).toBe(201);
    const [heard] = await hook.waitFor('/global', 1);
    expect(heard.body).toMatchObject({ deployment: { id: other.id }, event: { data: { message: 'Elsewhere' } } });

    expect((await own.request('GET', `/api/webhooks/${global.body.webhook.id}/deliveries`, own.adminToken)).body.deliveries).toHaveLength(1);
    expect((await own.request('DELETE', `/api/webhooks/${global.body.webhook.id}`, room.tokens.ic)).status).toBe(403);
    expect((await own.request('DELETE', `/api/webhooks/${global.body.webhook.id}`, own.adminToken)).status).toBe(200);
    expect(await prisma.webhook.count({ where: { id: global.body.webhook.id } })).toBe(0);
  });

  it('refuse private addresses unless the server allows them, and invalid input', async () => {
    // The run's main server does not set WEBHOOK_ALLOW_PRIVATE.
    process.env.DATABASE_URL = previousDatabaseUrl;
    try {
      const room = await makeWarRoom();
      const ic = client({ token: room.tokens.ic });
      const path = `/api/deployments/${room.deployment.id}/webhooks`;
      for (const url of ['http://127.0.0.1:9/hook', 'http://[::1]/hook', 'http://10.1.2.3/hook', 'http://169.254.169.254/latest']) {
        const res = await ic.post(path, { url, eventTypes: ['status.posted'] });
        expect({ url, status: res.status }).toEqual({ url, status: 422 });
      }
      expect((await ic.post(path, { url: 'ftp://example.com/x', eventTypes: ['status.posted'] })).status).toBe(422);
      expect((await ic.post(path, { url: 'https://example.com/x', eventTypes: ['item.updated'] })).status).toBe(422);
      expect((await ic.post(path, { url: 'https://example.com/x', eventTypes: [] })).status).toBe(422);
      expect(await prisma.webhook.count({ where: { deploymentId: room.deployment.id } })).toBe(0);
    } finally {
      process.env.DATABASE_URL = own.databaseUrl;
    }
  });
});
