import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeDeployment, makeToken, makeUser } from '@/lib/server/seed/factories';
import { eventCount, makeCrew } from '../support/crew';
import { http as client } from '../support/http';
import { readUntil, webhookServerForFile } from '../support/webhook-server';

// Managing webhooks: who may, pausing, test sends and refused addresses. Delivery itself is
// webhook-deliveries.test.ts.
const fixture = webhookServerForFile({ '/test-500': [500], '/hang': ['hang'] });

describe('webhooks', () => {
  it('are managed by the IC per deployment and by admins globally; a global one hears every deployment', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const body = { url: `${fixture.hookUrl}/global`, eventTypes: ['status.posted'] };
    for (const token of [crew.tokens.dba, crew.tokens.stakeholder, crew.tokens.outsider]) {
      expect((await fixture.own.request('POST', `/api/deployments/${id}/webhooks`, token, body)).status).toBe(403);
    }
    expect((await fixture.own.request('POST', '/api/webhooks', crew.tokens.ic, body)).status).toBe(403);
    const limited = await makeToken((await makeUser({ isAdmin: true })).id, ['read', 'write'], id);
    expect((await fixture.own.request('POST', '/api/webhooks', limited, body)).status).toBe(403);
    const global = await fixture.own.request('POST', '/api/webhooks', fixture.own.adminToken, body);
    expect(global.status).toBe(201);
    expect(await prisma.webhook.count({ where: { deploymentId: id } })).toBe(0);

    const ic = await makeUser({ name: 'Other IC' });
    const other = await makeDeployment({ people: { ic: [ic.id] } });
    expect(
      (
        await fixture.own.request('POST', `/api/deployments/${other.id}/status-updates`, await makeToken(ic.id), {
          message: 'Elsewhere',
        })
      ).status,
    ).toBe(201);
    const [heard] = await fixture.hook.waitFor('/global', 1);
    expect(heard.body).toMatchObject({ deployment: { id: other.id }, event: { data: { message: 'Elsewhere' } } });

    expect(
      (await fixture.own.request('GET', `/api/webhooks/${global.body.webhook.id}/deliveries`, fixture.own.adminToken))
        .body.deliveries,
    ).toHaveLength(1);
    expect(
      (await fixture.own.request('DELETE', `/api/webhooks/${global.body.webhook.id}`, crew.tokens.ic)).status,
    ).toBe(403);
    const globalId = global.body.webhook.id;
    for (const active of [false, false, true])
      expect(
        (await fixture.own.request('PATCH', `/api/webhooks/${globalId}`, fixture.own.adminToken, { active })).status,
      ).toBe(200);
    expect((await fixture.own.request('DELETE', `/api/webhooks/${globalId}`, fixture.own.adminToken)).status).toBe(200);
    expect(await prisma.webhook.count({ where: { id: globalId } })).toBe(0);
    // A global webhook is on no deployment's timeline: who pointed it where is on the account
    // history, by host (a URL may carry a secret), each real change once.
    const history = await prisma.accountEvent.findMany({ where: { subjectId: globalId }, orderBy: { id: 'asc' } });
    expect(history.map(({ type, actorName, subject }) => ({ type, actorName, subject }))).toEqual(
      ['created', 'paused', 'resumed', 'deleted'].map((what) => ({
        type: `global_webhook.${what}`,
        actorName: 'Admin token',
        subject: new URL(fixture.hookUrl).hostname,
      })),
    );
    expect(history[0].payload).toEqual({ eventTypes: ['status.posted'] });
  });

  it('pause and resume: nothing is queued while paused, nothing replayed after, both on the timeline', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const path = `/api/deployments/${id}/webhooks`;
    const webhook = (
      await fixture.own.request('POST', path, crew.tokens.ic, {
        url: `${fixture.hookUrl}/paused`,
        eventTypes: ['status.posted'],
      })
    ).body.webhook;
    const post = async (message: string) =>
      expect(
        (await fixture.own.request('POST', `/api/deployments/${id}/status-updates`, crew.tokens.ic, { message }))
          .status,
      ).toBe(201);
    const setActive = (active: unknown) =>
      fixture.own.request('PATCH', `${path}/${webhook.id}`, crew.tokens.ic, { active });

    await post('Before the pause');
    await fixture.hook.waitFor('/paused', 1);
    const paused = await setActive(false);
    expect(paused.status).toBe(200);
    expect(paused.body.webhook).toEqual({ ...webhook, active: false });
    await post('While paused');
    // Deliveries are queued by the write's own transaction: one for this event would be listed now.
    expect(await fixture.deliveries(crew.tokens.ic, id, webhook.id)).toHaveLength(1);

    // The same value again is a no-op: no event.
    const before = await eventCount(id);
    expect((await setActive(false)).body.webhook.active).toBe(false);
    expect(await eventCount(id)).toBe(before);

    expect((await setActive(true)).body.webhook).toEqual({ ...webhook, active: true });
    await post('After resuming');
    await readUntil(
      () => fixture.deliveries(crew.tokens.ic, id, webhook.id),
      (list) => list.length === 2 && list.every((d) => d.status === 'delivered'),
    );
    expect(fixture.hook.of('/paused').map((r) => (r.body.event as { data: { message: string } }).data.message)).toEqual(
      ['Before the pause', 'After resuming'],
    );

    const events = (await fixture.own.request('GET', `/api/deployments/${id}/events?after=0`, crew.tokens.ic)).body
      .events as {
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
      await fixture.own.request('POST', `/api/deployments/${id}/webhooks`, crew.tokens.ic, {
        url: `${fixture.hookUrl}/refused`,
        eventTypes: ['status.posted'],
      })
    ).body.webhook;
    const other = await makeCrew();
    const elsewhere = (
      await fixture.own.request('POST', `/api/deployments/${other.deployment.id}/webhooks`, other.tokens.ic, {
        url: `${fixture.hookUrl}/refused`,
        eventTypes: ['status.posted'],
      })
    ).body.webhook;
    const before = await eventCount(id);
    const one = `/api/deployments/${id}/webhooks/${webhook.id}`;

    for (const token of [crew.tokens.dba, crew.tokens.stakeholder, crew.tokens.outsider]) {
      expect((await fixture.own.request('PATCH', one, token, { active: false })).status).toBe(403);
      expect((await fixture.own.request('POST', `${one}/test`, token)).status).toBe(403);
    }
    expect(
      (await fixture.own.request('PATCH', `/api/webhooks/${webhook.id}`, crew.tokens.ic, { active: false })).status,
    ).toBe(403);
    // Another deployment's webhook, and one that was never there, are both "no such webhook here".
    for (const path of [
      `/api/deployments/${id}/webhooks/${elsewhere.id}`,
      `/api/deployments/${id}/webhooks/no-such-hook`,
    ]) {
      const res = await fixture.own.request('PATCH', path, crew.tokens.ic, { active: false });
      expect({ path, status: res.status, code: res.body.error.code }).toEqual({ path, status: 404, code: 'not_found' });
      expect((await fixture.own.request('POST', `${path}/test`, crew.tokens.ic)).status).toBe(404);
    }
    expect(
      (await fixture.own.request('PATCH', `/api/webhooks/${webhook.id}`, fixture.own.adminToken, { active: false }))
        .status,
    ).toBe(404);
    expect((await fixture.own.request('POST', '/api/webhooks/no-such-hook/test', fixture.own.adminToken)).status).toBe(
      404,
    );
    for (const body of [{}, { active: 'no' }, { active: null }, { active: 0 }]) {
      const res = await fixture.own.request('PATCH', one, crew.tokens.ic, body);
      expect({ body, status: res.status, code: res.body.error.code }).toEqual({
        body,
        status: 422,
        code: 'invalid_body',
      });
    }
    const garbled = await fetch(`${fixture.own.baseUrl}${one}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${crew.tokens.ic}`, 'content-type': 'application/json' },
      body: '{active:',
    });
    expect(garbled.status).toBe(422);

    expect(
      await prisma.webhook.findMany({ where: { id: { in: [webhook.id, elsewhere.id] } }, select: { active: true } }),
    ).toEqual([{ active: true }, { active: true }]);
    expect(await eventCount(id)).toBe(before);
    expect(fixture.hook.of('/refused')).toEqual([]);
  });

  it('send a signed test now, recording nothing, and say why a receiver failed', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const add = async (path: string) =>
      (
        await fixture.own.request('POST', `/api/deployments/${id}/webhooks`, crew.tokens.ic, {
          url: `${fixture.hookUrl}${path}`,
          eventTypes: ['status.posted'],
        })
      ).body;
    const { webhook, secret } = await add('/test-ok');
    const before = await eventCount(id);

    const sent = await fixture.own.request(
      'POST',
      `/api/deployments/${id}/webhooks/${webhook.id}/test`,
      crew.tokens.ic,
    );
    expect(sent).toMatchObject({ status: 200, body: { ok: true, status: 200 } });
    const [test] = fixture.hook.of('/test-ok');
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
    await fixture.own.request('PATCH', `/api/deployments/${id}/webhooks/${webhook.id}`, crew.tokens.ic, {
      active: false,
    });
    expect(
      (await fixture.own.request('POST', `/api/deployments/${id}/webhooks/${webhook.id}/test`, crew.tokens.ic)).body,
    ).toEqual({ ok: true, status: 200 });

    const failing = (await add('/test-500')).webhook;
    const host = new URL(fixture.hookUrl).host;
    expect(
      (await fixture.own.request('POST', `/api/deployments/${id}/webhooks/${failing.id}/test`, crew.tokens.ic)).body,
    ).toEqual({ ok: false, status: 500, error: `${host} answered HTTP 500` });
    const hanging = (await add('/hang')).webhook;
    expect(
      (await fixture.own.request('POST', `/api/deployments/${id}/webhooks/${hanging.id}/test`, crew.tokens.ic)).body,
    ).toEqual({ ok: false, status: null, error: `could not reach ${host}: timed out after 1000 ms` });
    expect(await prisma.webhookDelivery.count({ where: { webhookId: { in: [failing.id, hanging.id] } } })).toBe(0);

    const global = await fixture.own.request('POST', '/api/webhooks', fixture.own.adminToken, {
      url: `${fixture.hookUrl}/test-global`,
      eventTypes: ['deployment.finished'],
    });
    expect(
      (await fixture.own.request('POST', `/api/webhooks/${global.body.webhook.id}/test`, fixture.own.adminToken)).body,
    ).toEqual({
      ok: true,
      status: 200,
    });
    const [heard] = fixture.hook.of('/test-global');
    expect(heard.body).toMatchObject({
      text: expect.stringMatching(/^\[War Room\] Test notification from War Room/),
      topic: 'test',
      deployment: null,
    });
    expect(heard.headers['x-warroom-signature']).toBe(
      `sha256=${createHmac('sha256', global.body.secret).update(heard.raw).digest('hex')}`,
    );
    await fixture.own.request('DELETE', `/api/webhooks/${global.body.webhook.id}`, fixture.own.adminToken);
  });

  it('refuse private addresses unless the server allows them, and invalid input', async () => {
    // The run's main server sets neither OUTBOUND_ALLOW nor WEBHOOK_ALLOW_PRIVATE (this file's own
    // server sets the alias, and reaches the loopback receiver above). tests/integration/egress
    // tries every spelling.
    process.env.DATABASE_URL = fixture.previousDatabaseUrl;
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
      process.env.DATABASE_URL = fixture.own.databaseUrl;
    }
  });
});
