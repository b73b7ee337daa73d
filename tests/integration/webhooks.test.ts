import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryDto } from '@/lib/contracts/webhooks';
import { prisma } from '@/lib/server/db';
import { makeDeployment, makeToken, makeUser } from '@/lib/server/seed/factories';
import { eventCount, makeCrew } from '../support/crew';
import { http as client } from '../support/http';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { connect, connected, subscribe } from '../support/socket';
import { webhookReceiver } from '../support/webhook-receiver';

const BACKOFF_MS = 400;
const hook = webhookReceiver({
  '/flaky': [500, 503, 200],
  '/down': [500],
  '/hang': ['hang'],
  '/test-500': [500],
  '/recovers': [500, 500, 500, 500, 200],
  '/second-try': [500, 200],
});
let own: OwnServer;
let hookUrl: string;
let previousDatabaseUrl: string | undefined;

// A server of its own on a fresh database: it is the only process there, so its worker (with
// fast retries and loopback receivers allowed) is the one that delivers.
beforeAll(async () => {
  hookUrl = await hook.start();
  own = await startOwnServer(
    {
      WEBHOOK_BACKOFF_MS: String(BACKOFF_MS),
      WEBHOOK_POLL_MS: '100',
      WEBHOOK_TIMEOUT_MS: '1000',
      WEBHOOK_MAX_ATTEMPTS: '4',
      WEBHOOK_ALLOW_PRIVATE: 'true',
    },
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
  return (await own.request('GET', `/api/deployments/${deploymentId}/webhooks/${webhookId}/deliveries`, token)).body
    .deliveries as DeliveryDto[];
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
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const created = await own.request('POST', `/api/deployments/${id}/webhooks`, crew.tokens.ic, {
      url: `${hookUrl}/flaky`,
      eventTypes: ['status.posted', 'phase.started'],
    });
    expect(created.status).toBe(201);
    const { webhook, secret } = created.body;
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({
      deploymentId: id,
      url: `${hookUrl}/flaky`,
      eventTypes: ['status.posted', 'phase.started'],
      active: true,
    });
    const listed = await own.request('GET', `/api/deployments/${id}/webhooks`, crew.tokens.ic);
    expect(listed.body.webhooks).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    // An event nobody subscribed to is not sent.
    const item = crew.itemOf('dba');
    await own.request('PATCH', `/api/deployments/${id}/items/${item.id}`, crew.tokens.ic, {
      status: 'done',
      version: item.version,
    });
    expect(
      (
        await own.request('POST', `/api/deployments/${id}/status-updates`, crew.tokens.ic, {
          message: 'Canary at 25 %',
        })
      ).status,
    ).toBe(201);
    // Queued by the write's own transaction: listed the moment the write is acknowledged.
    expect((await deliveries(crew.tokens.ic, id, webhook.id)).map((d) => d.eventType)).toEqual(['status.posted']);

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
        text: `[${crew.deployment.name} 2.4.0] Iris IC posted: Canary at 25 %`,
        blocks: expect.any(Array),
        topic: 'status.posted',
        deployment: { id, name: crew.deployment.name },
        event: { type: 'status.posted', data: { message: 'Canary at 25 %' } },
      });
    }
    expect(attempts.map((a) => a.body.deliveryId)).toEqual(Array(3).fill(attempts[0].body.deliveryId));
    // The audit chain head as of the event, for receivers to keep as a copy outside the database.
    const posted = await prisma.event.findFirstOrThrow({ where: { deploymentId: id, type: 'status.posted' } });
    expect(attempts.map((a) => a.body.chain)).toEqual(Array(3).fill({ seq: posted.seq, hash: posted.hash }));
    expect(posted.hash).toMatch(/^[0-9a-f]{64}$/);

    const [delivery] = await until(
      () => deliveries(crew.tokens.ic, id, webhook.id),
      (list) => list[0]?.status === 'delivered',
    );
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 3,
      lastStatus: 200,
      lastError: null,
      eventType: 'status.posted',
      deliveredAt: expect.any(String),
    });
    expect(hook.received.filter((r) => r.path === '/flaky')).toHaveLength(3);
  });

  it('tell the war room each time an attempt at one of its webhooks is recorded, and nothing more', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const webhook = (
      await own.request('POST', `/api/deployments/${id}/webhooks`, crew.tokens.ic, {
        url: `${hookUrl}/second-try`,
        eventTypes: ['status.posted'],
      })
    ).body.webhook;
    // The IC's screen reads its deliveries again on each message; a DBA's has none to read.
    const sockets = [crew.tokens.ic, crew.tokens.dba].map((token) => connect({ token, baseUrl: own.baseUrl }));
    const heard = sockets.map(() => [] as unknown[]);
    try {
      for (const [i, socket] of sockets.entries()) {
        socket.on('deployment:webhooks', (payload) => heard[i].push(payload));
        await connected(socket);
        await subscribe(socket, id, 0);
      }
      const posted = await own.request('POST', `/api/deployments/${id}/status-updates`, crew.tokens.ic, {
        message: 'Canary at 25 %',
      });
      expect(posted.status).toBe(201);
      // The failed first attempt, then the delivery: the second message comes once it is recorded.
      await until(
        async () => heard,
        (all) => all.every((messages) => messages.length >= 2),
      );
      for (const messages of heard) expect(messages).toEqual([{ deploymentId: id }, { deploymentId: id }]);
      const [delivery] = await deliveries(crew.tokens.ic, id, webhook.id);
      expect([delivery.status, delivery.attempts]).toEqual(['delivered', 2]);
    } finally {
      for (const socket of sockets) socket.disconnect();
    }
  });

  it('give up after the last attempt, and time out a receiver that never answers', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const down = (
      await own.request('POST', `/api/deployments/${id}/webhooks`, crew.tokens.ic, {
        url: `${hookUrl}/down`,
        eventTypes: ['status.posted'],
      })
    ).body.webhook;
    const hang = (
      await own.request('POST', `/api/deployments/${id}/webhooks`, crew.tokens.ic, {
        url: `${hookUrl}/hang`,
        eventTypes: ['status.posted'],
      })
    ).body.webhook;

    for (let i = 0; i < 3; i++)
      expect(
        (await own.request('POST', `/api/deployments/${id}/status-updates`, crew.tokens.ic, { message: `Update ${i}` }))
          .status,
      ).toBe(201);
    const items = crew.items.slice(0, 5);
    for (const item of items)
      expect(
        (
          await own.request('PATCH', `/api/deployments/${id}/items/${item.id}`, crew.tokens.ic, {
            status: 'done',
            version: item.version,
          })
        ).status,
      ).toBe(200);

    const failed = await until(
      () => deliveries(crew.tokens.ic, id, down.id),
      (list) => list.length === 3 && list.every((d) => d.status === 'failed'),
    );
    expect(failed.map((d) => [d.status, d.attempts, d.lastStatus, d.lastError])).toEqual(
      Array(3).fill(['failed', 4, 500, 'HTTP 500']),
    );
    const hung = await until(
      () => deliveries(crew.tokens.ic, id, hang.id),
      (list) => list.length === 3 && list.every((d) => d.attempts >= 1 && d.status !== 'sending'),
    );
    for (const d of hung) expect(d).toMatchObject({ lastStatus: null, lastError: 'timed out after 1000 ms' });

    const metrics = await (await fetch(`${own.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/warroom_webhook_deliveries_total\{result="failed"\} [1-9]/);
    expect(metrics).toMatch(/warroom_webhook_deliveries_total\{result="delivered"\} [1-9]/);
  });

  it('count as failing only until the receiver delivers again', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const { webhook } = (
      await own.request('POST', `/api/deployments/${id}/webhooks`, crew.tokens.ic, {
        url: `${hookUrl}/recovers`,
        eventTypes: ['status.posted'],
      })
    ).body;
    const listed = async () =>
      (
        (await own.request('GET', `/api/deployments/${id}/webhooks`, crew.tokens.ic)).body.webhooks as {
          id: string;
          failingNow: number;
          failingSince: string | null;
          deliveries: Record<string, number>;
        }[]
      ).find((w) => w.id === webhook.id)!;

    await own.request('POST', `/api/deployments/${id}/status-updates`, crew.tokens.ic, { message: 'Receiver down' });
    const [first] = await until(
      () => deliveries(crew.tokens.ic, id, webhook.id),
      (list) => list[0]?.status === 'failed',
    );
    // How long it has been down: since the first delivery that failed.
    expect(await listed()).toMatchObject({ failingNow: 1, failingSince: first.createdAt, deliveries: { failed: 1 } });

    await own.request('POST', `/api/deployments/${id}/status-updates`, crew.tokens.ic, { message: 'Receiver back' });
    await until(
      () => deliveries(crew.tokens.ic, id, webhook.id),
      (list) => list[0]?.status === 'delivered',
    );
    expect(await listed()).toMatchObject({
      failingNow: 0,
      failingSince: null,
      deliveries: { failed: 1, delivered: 1 },
    });
  });

  it('are managed by the IC per deployment and by admins globally; a global one hears every deployment', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const body = { url: `${hookUrl}/global`, eventTypes: ['status.posted'] };
    for (const token of [crew.tokens.dba, crew.tokens.stakeholder, crew.tokens.outsider]) {
      expect((await own.request('POST', `/api/deployments/${id}/webhooks`, token, body)).status).toBe(403);
    }
    expect((await own.request('POST', '/api/webhooks', crew.tokens.ic, body)).status).toBe(403);
    const limited = await makeToken((await makeUser({ isAdmin: true })).id, ['read', 'write'], id);
    expect((await own.request('POST', '/api/webhooks', limited, body)).status).toBe(403);
    const global = await own.request('POST', '/api/webhooks', own.adminToken, body);
    expect(global.status).toBe(201);
    expect(await prisma.webhook.count({ where: { deploymentId: id } })).toBe(0);

    const ic = await makeUser({ name: 'Other IC' });
    const other = await makeDeployment({ people: { ic: [ic.id] } });
    expect(
      (
        await own.request('POST', `/api/deployments/${other.id}/status-updates`, await makeToken(ic.id), {
          message: 'Elsewhere',
        })
      ).status,
    ).toBe(201);
    const [heard] = await hook.waitFor('/global', 1);
    expect(heard.body).toMatchObject({ deployment: { id: other.id }, event: { data: { message: 'Elsewhere' } } });

    expect(
      (await own.request('GET', `/api/webhooks/${global.body.webhook.id}/deliveries`, own.adminToken)).body.deliveries,
    ).toHaveLength(1);
    expect((await own.request('DELETE', `/api/webhooks/${global.body.webhook.id}`, crew.tokens.ic)).status).toBe(403);
    expect((await own.request('DELETE', `/api/webhooks/${global.body.webhook.id}`, own.adminToken)).status).toBe(200);
    expect(await prisma.webhook.count({ where: { id: global.body.webhook.id } })).toBe(0);
  });

  it('pause and resume: nothing is queued while paused, nothing replayed after, both on the timeline', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const path = `/api/deployments/${id}/webhooks`;
    const webhook = (
      await own.request('POST', path, crew.tokens.ic, { url: `${hookUrl}/paused`, eventTypes: ['status.posted'] })
    ).body.webhook;
    const post = async (message: string) =>
      expect(
        (await own.request('POST', `/api/deployments/${id}/status-updates`, crew.tokens.ic, { message })).status,
      ).toBe(201);
    const setActive = (active: unknown) => own.request('PATCH', `${path}/${webhook.id}`, crew.tokens.ic, { active });

    await post('Before the pause');
    await hook.waitFor('/paused', 1);
    const paused = await setActive(false);
    expect(paused.status).toBe(200);
    expect(paused.body.webhook).toEqual({ ...webhook, active: false });
    await post('While paused');
    // Deliveries are queued by the write's own transaction: one for this event would be listed now.
    expect(await deliveries(crew.tokens.ic, id, webhook.id)).toHaveLength(1);

    // The same value again is a no-op: no event.
    const before = await eventCount(id);
    expect((await setActive(false)).body.webhook.active).toBe(false);
    expect(await eventCount(id)).toBe(before);

    expect((await setActive(true)).body.webhook).toEqual({ ...webhook, active: true });
    await post('After resuming');
    await until(
      () => deliveries(crew.tokens.ic, id, webhook.id),
      (list) => list.length === 2 && list.every((d) => d.status === 'delivered'),
    );
    expect(hook.of('/paused').map((r) => (r.body.event as { data: { message: string } }).data.message)).toEqual([
      'Before the pause',
      'After resuming',
    ]);

    const events = (await own.request('GET', `/api/deployments/${id}/events?after=0`, crew.tokens.ic)).body.events as {
      type: string;
      actor: string;
      data: Record<string, unknown>;
    }[];
    expect(events.filter((e) => e.type.startsWith('webhook.')).map((e) => [e.type, e.actor, e.data])).toEqual([
      ['webhook.created', 'Iris IC', expect.objectContaining({ webhookId: webhook.id })],
      ['webhook.paused', 'Iris IC', { webhookId: webhook.id, host: '127.0.0.1' }],
      ['webhook.resumed', 'Iris IC', { webhookId: webhook.id, host: '127.0.0.1' }],
    ]);
  });

  it('refuse to pause or test for anyone but the IC, for unknown ids and for bad bodies, and change nothing', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const webhook = (
      await own.request('POST', `/api/deployments/${id}/webhooks`, crew.tokens.ic, {
        url: `${hookUrl}/refused`,
        eventTypes: ['status.posted'],
      })
    ).body.webhook;
    const other = await makeCrew();
    const elsewhere = (
      await own.request('POST', `/api/deployments/${other.deployment.id}/webhooks`, other.tokens.ic, {
        url: `${hookUrl}/refused`,
        eventTypes: ['status.posted'],
      })
    ).body.webhook;
    const before = await eventCount(id);
    const one = `/api/deployments/${id}/webhooks/${webhook.id}`;

    for (const token of [crew.tokens.dba, crew.tokens.stakeholder, crew.tokens.outsider]) {
      expect((await own.request('PATCH', one, token, { active: false })).status).toBe(403);
      expect((await own.request('POST', `${one}/test`, token)).status).toBe(403);
    }
    expect((await own.request('PATCH', `/api/webhooks/${webhook.id}`, crew.tokens.ic, { active: false })).status).toBe(
      403,
    );
    // Another deployment's webhook, and one that was never there, are both "no such webhook here".
    for (const path of [
      `/api/deployments/${id}/webhooks/${elsewhere.id}`,
      `/api/deployments/${id}/webhooks/no-such-hook`,
    ]) {
      const res = await own.request('PATCH', path, crew.tokens.ic, { active: false });
      expect({ path, status: res.status, code: res.body.error.code }).toEqual({ path, status: 404, code: 'not_found' });
      expect((await own.request('POST', `${path}/test`, crew.tokens.ic)).status).toBe(404);
    }
    expect((await own.request('PATCH', `/api/webhooks/${webhook.id}`, own.adminToken, { active: false })).status).toBe(
      404,
    );
    expect((await own.request('POST', '/api/webhooks/no-such-hook/test', own.adminToken)).status).toBe(404);
    for (const body of [{}, { active: 'no' }, { active: null }, { active: 0 }]) {
      const res = await own.request('PATCH', one, crew.tokens.ic, body);
      expect({ body, status: res.status, code: res.body.error.code }).toEqual({
        body,
        status: 422,
        code: 'invalid_body',
      });
    }
    const garbled = await fetch(`${own.baseUrl}${one}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${crew.tokens.ic}`, 'content-type': 'application/json' },
      body: '{active:',
    });
    expect(garbled.status).toBe(422);

    expect(
      await prisma.webhook.findMany({ where: { id: { in: [webhook.id, elsewhere.id] } }, select: { active: true } }),
    ).toEqual([{ active: true }, { active: true }]);
    expect(await eventCount(id)).toBe(before);
    expect(hook.of('/refused')).toEqual([]);
  });

  it('send a signed test now, recording nothing, and say why a receiver failed', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const add = async (path: string) =>
      (
        await own.request('POST', `/api/deployments/${id}/webhooks`, crew.tokens.ic, {
          url: `${hookUrl}${path}`,
          eventTypes: ['status.posted'],
        })
      ).body;
    const { webhook, secret } = await add('/test-ok');
    const before = await eventCount(id);

    const sent = await own.request('POST', `/api/deployments/${id}/webhooks/${webhook.id}/test`, crew.tokens.ic);
    expect(sent).toMatchObject({ status: 200, body: { ok: true, status: 200 } });
    const [test] = hook.of('/test-ok');
    expect(test.headers['x-warroom-signature']).toBe(
      `sha256=${createHmac('sha256', secret).update(test.raw).digest('hex')}`,
    );
    expect(test.headers['x-warroom-event']).toBe('test');
    expect(test.headers['x-warroom-delivery']).toBe(test.body.deliveryId);
    expect(Math.abs(Number(test.headers['x-warroom-timestamp']) * 1000 - test.at)).toBeLessThan(60_000);
    expect(test.body).toMatchObject({
      text: `[${crew.deployment.name} 2.4.0] Test notification from War Room: this webhook works. No action needed.`,
      blocks: expect.any(Array),
      topic: 'test',
      deployment: { id, name: crew.deployment.name },
      event: null,
    });
    const head = await prisma.deployment.findUniqueOrThrow({
      where: { id },
      select: { seq: true, lastEventHash: true },
    });
    expect(test.body.chain).toEqual({ seq: head.seq, hash: head.lastEventHash });
    expect(await prisma.webhookDelivery.count({ where: { webhookId: webhook.id } })).toBe(0);
    expect(await eventCount(id)).toBe(before);

    // A paused webhook can be tried before it is resumed.
    await own.request('PATCH', `/api/deployments/${id}/webhooks/${webhook.id}`, crew.tokens.ic, { active: false });
    expect(
      (await own.request('POST', `/api/deployments/${id}/webhooks/${webhook.id}/test`, crew.tokens.ic)).body,
    ).toEqual({ ok: true, status: 200 });

    const failing = (await add('/test-500')).webhook;
    const host = new URL(hookUrl).host;
    expect(
      (await own.request('POST', `/api/deployments/${id}/webhooks/${failing.id}/test`, crew.tokens.ic)).body,
    ).toEqual({ ok: false, status: 500, error: `${host} answered HTTP 500` });
    const hanging = (await add('/hang')).webhook;
    expect(
      (await own.request('POST', `/api/deployments/${id}/webhooks/${hanging.id}/test`, crew.tokens.ic)).body,
    ).toEqual({ ok: false, status: null, error: `could not reach ${host}: timed out after 1000 ms` });
    expect(await prisma.webhookDelivery.count({ where: { webhookId: { in: [failing.id, hanging.id] } } })).toBe(0);

    const global = await own.request('POST', '/api/webhooks', own.adminToken, {
      url: `${hookUrl}/test-global`,
      eventTypes: ['deployment.finished'],
    });
    expect((await own.request('POST', `/api/webhooks/${global.body.webhook.id}/test`, own.adminToken)).body).toEqual({
      ok: true,
      status: 200,
    });
    const [heard] = hook.of('/test-global');
    expect(heard.body).toMatchObject({
      text: expect.stringMatching(/^\[War Room\] Test notification from War Room/),
      topic: 'test',
      deployment: null,
    });
    expect(heard.headers['x-warroom-signature']).toBe(
      `sha256=${createHmac('sha256', global.body.secret).update(heard.raw).digest('hex')}`,
    );
    await own.request('DELETE', `/api/webhooks/${global.body.webhook.id}`, own.adminToken);
  });

  it('refuse private addresses unless the server allows them, and invalid input', async () => {
    // The run's main server sets neither OUTBOUND_ALLOW nor WEBHOOK_ALLOW_PRIVATE (this file's own
    // server sets the alias, and reaches the loopback receiver above). tests/integration/egress
    // tries every spelling.
    process.env.DATABASE_URL = previousDatabaseUrl;
    try {
      const crew = await makeCrew();
      const ic = client({ token: crew.tokens.ic });
      const path = `/api/deployments/${crew.deployment.id}/webhooks`;
      for (const url of [
        'http://127.0.0.1:9/hook',
        'http://[::1]/hook',
        'http://10.1.2.3/hook',
        'http://169.254.169.254/latest',
      ]) {
        const res = await ic.post(path, { url, eventTypes: ['status.posted'] });
        expect({ url, status: res.status, code: res.body.error?.code }).toEqual({
          url,
          status: 422,
          code: 'outbound_refused',
        });
      }
      expect((await ic.post(path, { url: 'ftp://example.com/x', eventTypes: ['status.posted'] })).status).toBe(422);
      expect((await ic.post(path, { url: 'https://example.com/x', eventTypes: ['item.updated'] })).status).toBe(422);
      expect((await ic.post(path, { url: 'https://example.com/x', eventTypes: [] })).status).toBe(422);
      expect(await prisma.webhook.count({ where: { deploymentId: crew.deployment.id } })).toBe(0);
    } finally {
      process.env.DATABASE_URL = own.databaseUrl;
    }
  });
});
