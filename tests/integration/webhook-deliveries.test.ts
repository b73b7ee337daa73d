import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeCrew } from '../support/crew';
import { connect, connected, subscribe } from '../support/socket';
import { BACKOFF_MS, readUntil, webhookServerForFile } from '../support/webhook-server';

// Delivery: signing, retries, giving up, the failing count and the war room's live word of each
// attempt. Managing webhooks is webhooks.test.ts.
const fixture = webhookServerForFile({
  '/flaky': [500, 503, 200],
  '/down': [500],
  '/hang': ['hang'],
  '/recovers': [500, 500, 500, 500, 200],
  '/second-try': [500, 200],
});

describe('webhooks', () => {
  it('deliver signed, Slack-compatible JSON and retry failures with exponential backoff', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const created = await fixture.own.request('POST', `/api/deployments/${id}/webhooks`, crew.tokens.ic, {
      url: `${fixture.hookUrl}/flaky`,
      eventTypes: ['status.posted', 'phase.started'],
    });
    expect(created.status).toBe(201);
    const { webhook, secret } = created.body;
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({
      deploymentId: id,
      url: `${fixture.hookUrl}/flaky`,
      eventTypes: ['status.posted', 'phase.started'],
      active: true,
    });
    const listed = await fixture.own.request('GET', `/api/deployments/${id}/webhooks`, crew.tokens.ic);
    expect(listed.body.webhooks).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    // An event nobody subscribed to is not sent.
    const item = crew.itemOf('dba');
    await fixture.own.request('PATCH', `/api/deployments/${id}/items/${item.id}`, crew.tokens.ic, {
      status: 'done',
      version: item.version,
    });
    expect(
      (
        await fixture.own.request('POST', `/api/deployments/${id}/status-updates`, crew.tokens.ic, {
          message: 'Canary at 25 %',
        })
      ).status,
    ).toBe(201);
    // Queued by the write's own transaction: listed the moment the write is acknowledged.
    expect((await fixture.deliveries(crew.tokens.ic, id, webhook.id)).map((d) => d.eventType)).toEqual([
      'status.posted',
    ]);

    const attempts = await fixture.hook.waitFor('/flaky', 3);
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

    const [delivery] = await readUntil(
      () => fixture.deliveries(crew.tokens.ic, id, webhook.id),
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
    expect(fixture.hook.received.filter((r) => r.path === '/flaky')).toHaveLength(3);
  });

  it('tell the war room each time an attempt at one of its webhooks is recorded, and nothing more', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const webhook = (
      await fixture.own.request('POST', `/api/deployments/${id}/webhooks`, crew.tokens.ic, {
        url: `${fixture.hookUrl}/second-try`,
        eventTypes: ['status.posted'],
      })
    ).body.webhook;
    // The IC's screen reads its deliveries again on each message; a DBA's has none to read.
    const sockets = [crew.tokens.ic, crew.tokens.dba].map((token) => connect({ token, baseUrl: fixture.own.baseUrl }));
    const heard = sockets.map(() => [] as unknown[]);
    try {
      for (const [i, socket] of sockets.entries()) {
        socket.on('deployment:webhooks', (payload) => heard[i].push(payload));
        await connected(socket);
        await subscribe(socket, id, 0);
      }
      const posted = await fixture.own.request('POST', `/api/deployments/${id}/status-updates`, crew.tokens.ic, {
        message: 'Canary at 25 %',
      });
      expect(posted.status).toBe(201);
      // The failed first attempt, then the delivery: the second message comes once it is recorded.
      await readUntil(
        async () => heard,
        (all) => all.every((messages) => messages.length >= 2),
      );
      for (const messages of heard) expect(messages).toEqual([{ deploymentId: id }, { deploymentId: id }]);
      const [delivery] = await fixture.deliveries(crew.tokens.ic, id, webhook.id);
      expect([delivery.status, delivery.attempts]).toEqual(['delivered', 2]);
    } finally {
      for (const socket of sockets) socket.disconnect();
    }
  });

  it('give up after the last attempt, and time out a receiver that never answers', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const down = (
      await fixture.own.request('POST', `/api/deployments/${id}/webhooks`, crew.tokens.ic, {
        url: `${fixture.hookUrl}/down`,
        eventTypes: ['status.posted'],
      })
    ).body.webhook;
    const hang = (
      await fixture.own.request('POST', `/api/deployments/${id}/webhooks`, crew.tokens.ic, {
        url: `${fixture.hookUrl}/hang`,
        eventTypes: ['status.posted'],
      })
    ).body.webhook;

    for (let i = 0; i < 3; i++)
      expect(
        (
          await fixture.own.request('POST', `/api/deployments/${id}/status-updates`, crew.tokens.ic, {
            message: `Update ${i}`,
          })
        ).status,
      ).toBe(201);
    const items = crew.items.slice(0, 5);
    for (const item of items)
      expect(
        (
          await fixture.own.request('PATCH', `/api/deployments/${id}/items/${item.id}`, crew.tokens.ic, {
            status: 'done',
            version: item.version,
          })
        ).status,
      ).toBe(200);

    const failed = await readUntil(
      () => fixture.deliveries(crew.tokens.ic, id, down.id),
      (list) => list.length === 3 && list.every((d) => d.status === 'failed'),
    );
    expect(failed.map((d) => [d.status, d.attempts, d.lastStatus, d.lastError])).toEqual(
      Array(3).fill(['failed', 4, 500, 'HTTP 500']),
    );
    const hung = await readUntil(
      () => fixture.deliveries(crew.tokens.ic, id, hang.id),
      (list) => list.length === 3 && list.every((d) => d.attempts >= 1 && d.status !== 'sending'),
    );
    for (const d of hung) expect(d).toMatchObject({ lastStatus: null, lastError: 'timed out after 1000 ms' });

    const metrics = await (await fetch(`${fixture.own.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/warroom_webhook_deliveries_total\{result="failed"\} [1-9]/);
    expect(metrics).toMatch(/warroom_webhook_deliveries_total\{result="delivered"\} [1-9]/);
  });

  it('count as failing only until the receiver delivers again', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const { webhook } = (
      await fixture.own.request('POST', `/api/deployments/${id}/webhooks`, crew.tokens.ic, {
        url: `${fixture.hookUrl}/recovers`,
        eventTypes: ['status.posted'],
      })
    ).body;
    const listed = async () =>
      (
        (await fixture.own.request('GET', `/api/deployments/${id}/webhooks`, crew.tokens.ic)).body.webhooks as {
          id: string;
          failingNow: number;
          failingSince: string | null;
          deliveries: Record<string, number>;
        }[]
      ).find((w) => w.id === webhook.id)!;

    await fixture.own.request('POST', `/api/deployments/${id}/status-updates`, crew.tokens.ic, {
      message: 'Receiver down',
    });
    const [first] = await readUntil(
      () => fixture.deliveries(crew.tokens.ic, id, webhook.id),
      (list) => list[0]?.status === 'failed',
    );
    // How long it has been down: since the first delivery that failed.
    expect(await listed()).toMatchObject({ failingNow: 1, failingSince: first.createdAt, deliveries: { failed: 1 } });

    await fixture.own.request('POST', `/api/deployments/${id}/status-updates`, crew.tokens.ic, {
      message: 'Receiver back',
    });
    await readUntil(
      () => fixture.deliveries(crew.tokens.ic, id, webhook.id),
      (list) => list[0]?.status === 'delivered',
    );
    expect(await listed()).toMatchObject({
      failingNow: 0,
      failingSince: null,
      deliveries: { failed: 1, delivered: 1 },
    });
  });
});
