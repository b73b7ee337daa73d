import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeCrew } from '../support/crew';
import { http } from '../support/http';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { until } from '../support/until';

/**
 * The egress guard, black-box: a local listener counts every connection it accepts, and a server
 * asked to reach it through any spelling of an internal address — by webhooks (create, test send,
 * the delivery worker) and Prometheus sources (configure, every poll) — must give it none.
 */

/** Each reaches this machine (or its network) if nothing stops it; `localhost` only once resolved. */
const HOSTILE = ['[::ffff:127.0.0.1]', '[::1]', '2130706433', '127.1', '10.0.0.1', '0.0.0.0', 'localhost'];

type Listener = { server: Server[]; port: number; accepted: () => number; requests: string[] };

/** An HTTP listener on 127.0.0.1 (and ::1, same port, where the machine has it) that counts. */
async function countingListener(
  answer: (req: IncomingMessage) => { status: number; body?: string; headers?: Record<string, string> },
): Promise<Listener> {
  let accepted = 0;
  const requests: string[] = [];
  const make = () => {
    const server = createServer((req, res) => {
      requests.push(req.url ?? '/');
      req.resume();
      req.on('end', () => {
        const { status, body, headers } = answer(req);
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body ?? '{}');
      });
    });
    server.on('connection', () => accepted++);
    return server;
  };
  const v4 = make();
  await new Promise<void>((resolve) => v4.listen(0, '127.0.0.1', resolve));
  const port = (v4.address() as AddressInfo).port;
  const v6 = make();
  // Without IPv6 loopback nothing can reach [::1] anyway; the refusal is still asserted by its answer.
  const hasV6 = await new Promise<boolean>((resolve) => {
    v6.once('error', () => resolve(false));
    v6.listen(port, '::1', () => resolve(true));
  });
  return { server: hasV6 ? [v4, v6] : [v4], port, accepted: () => accepted, requests };
}

async function close(listener: Listener | undefined) {
  for (const server of listener?.server ?? []) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

let hostile: Listener;

beforeAll(async () => {
  hostile = await countingListener(() => ({ status: 200 }));
});

afterAll(async () => {
  await close(hostile);
});

describe('the egress guard on a server that allows nothing internal (the run’s main server)', () => {
  it('refuses every spelling of an internal address with 422 outbound_refused, for webhooks and Prometheus sources', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const ic = http({ token: crew.tokens.ic });
    const admin = http({ token: inject('adminToken') });
    for (const host of [...HOSTILE, '169.254.169.254']) {
      const url = `http://${host}:${hostile.port}/hook`;
      const answers = {
        deployment: await ic.post(`/api/deployments/${id}/webhooks`, { url, eventTypes: ['status.posted'] }),
        global: await admin.post('/api/webhooks', { url, eventTypes: ['status.posted'] }),
        prometheus: await ic.put(`/api/deployments/${id}/sources/prometheus`, {
          baseUrl: `http://${host}:${hostile.port}`,
          intervalSec: 1,
          queries: { error_rate: 'up' },
        }),
      };
      for (const [route, res] of Object.entries(answers)) {
        expect({ host, route, status: res.status, code: res.body.error?.code }).toEqual({
          host,
          route,
          status: 422,
          code: 'outbound_refused',
        });
        expect(res.body.error.message).toMatch(/ is (a|the) [a-z -]+ address/);
      }
    }
    const refused = await ic.post(`/api/deployments/${id}/webhooks`, {
      url: `http://127.1:${hostile.port}/`,
      eventTypes: ['status.posted'],
    });
    expect(refused.body.error.message).toBe('127.0.0.1 is a loopback address; set OUTBOUND_ALLOW to allow it');
    const mapped = await ic.put(`/api/deployments/${id}/sources/prometheus`, {
      baseUrl: `http://[::ffff:127.0.0.1]:${hostile.port}`,
      queries: { error_rate: 'up' },
    });
    expect(mapped.body.error.message).toBe(
      '::ffff:7f00:1 (127.0.0.1) is a loopback address; set OUTBOUND_ALLOW to allow it',
    );

    expect(await prisma.webhook.count({ where: { url: { contains: `:${hostile.port}/` } } })).toBe(0);
    expect(await prisma.metricSource.count({ where: { deploymentId: id, kind: 'prometheus' } })).toBe(0);
    expect(hostile.accepted()).toBe(0);
  });

  it('connects to none of them at run time either: test sends, deliveries and polls of targets already stored', async () => {
    // As if each had been stored while allowed, or while its name pointed elsewhere (DNS
    // rebinding): the check when connecting holds on its own.
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const ic = http({ token: crew.tokens.ic });
    const admin = http({ token: inject('adminToken') });
    const hooks = await Promise.all(
      HOSTILE.map((host) =>
        prisma.webhook.create({
          data: {
            deploymentId: id,
            url: `http://${host}:${hostile.port}/hook`,
            secret: 's',
            eventTypes: ['status.posted'],
          },
        }),
      ),
    );
    const sources = await Promise.all(
      HOSTILE.map((host) =>
        prisma.metricSource.create({
          data: {
            deploymentId: id,
            kind: 'prometheus',
            active: true,
            config: {
              baseUrl: `http://${host}:${hostile.port}`,
              intervalSec: 1,
              queries: { error_rate: { query: 'up' } },
            },
          },
        }),
      ),
    );
    const global = await prisma.webhook.create({
      data: {
        deploymentId: null,
        url: `http://localhost:${hostile.port}/global`,
        secret: 's',
        eventTypes: ['deployment.finished'],
      },
    });
    try {
      for (const hook of hooks) {
        const sent = await ic.post(`/api/deployments/${id}/webhooks/${hook.id}/test`);
        expect(sent.body).toEqual({
          ok: false,
          status: null,
          error: `could not reach ${new URL(hook.url).host}: ${refusal(hook.url)}`,
        });
      }
      const globalSent = await admin.post(`/api/webhooks/${global.id}/test`);
      expect(globalSent.body).toMatchObject({
        ok: false,
        status: null,
        error: expect.stringContaining('refused by the egress guard: the host name resolves to no public address'),
      });

      expect((await ic.post(`/api/deployments/${id}/status-updates`, { message: 'Canary at 25 %' })).status).toBe(201);
      const attempted = () =>
        prisma.webhookDelivery.findMany({
          where: { webhookId: { in: hooks.map((h) => h.id) }, attempts: { gte: 1 } },
          include: { webhook: true },
        });
      await until(async () => (await attempted()).length === hooks.length, 30_000, 'a first attempt of every delivery');
      for (const delivery of await attempted()) {
        expect({ url: delivery.webhook.url, lastError: delivery.lastError }).toEqual({
          url: delivery.webhook.url,
          lastError: refusal(delivery.webhook.url),
        });
      }

      const polled = () =>
        prisma.metricSource.findMany({ where: { id: { in: sources.map((s) => s.id) }, lastPolledAt: { not: null } } });
      await until(async () => (await polled()).length === sources.length, 30_000, 'a poll of every source');
      const listed = await http({ token: crew.tokens.stakeholder }).get(`/api/deployments/${id}/sources`);
      const errors = (listed.body.sources as { kind: string; healthy: boolean; lastError: string }[]).filter(
        (s) => s.kind === 'prometheus',
      );
      expect(errors).toHaveLength(HOSTILE.length);
      for (const source of errors) {
        expect(source).toMatchObject({
          healthy: false,
          lastError: expect.stringMatching(/^(error_rate: )?refused by the egress guard: /),
        });
        // Nothing about the target: no address, name or port.
        for (const detail of [
          String(hostile.port),
          '127.0.0.1',
          '::1',
          '10.0.0.1',
          '0.0.0.0',
          'localhost',
          '2130706433',
          '127.1',
        ])
          expect(source.lastError).not.toContain(detail);
      }
      // Pausing is fine; resuming asks the guard again.
      const [first] = hooks;
      expect((await ic.patch(`/api/deployments/${id}/webhooks/${first.id}`, { active: false })).status).toBe(200);
      const resumed = await ic.patch(`/api/deployments/${id}/webhooks/${first.id}`, { active: true });
      expect({ status: resumed.status, code: resumed.body.error?.code }).toEqual({
        status: 422,
        code: 'outbound_refused',
      });
      expect(await prisma.webhook.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ active: false });
      expect(hostile.accepted()).toBe(0);
    } finally {
      await prisma.metricSource.updateMany({
        where: { id: { in: sources.map((s) => s.id) } },
        data: { active: false },
      });
      await prisma.webhook.delete({ where: { id: global.id } });
    }
  });
});

/** What a stored target records when its connection is refused: only why. */
function refusal(url: string): string {
  const host = new URL(url).hostname;
  const why =
    host === 'localhost'
      ? 'the host name resolves to no public address'
      : host === '10.0.0.1'
        ? 'the target is a private address'
        : host === '0.0.0.0'
          ? 'the target is the unspecified address'
          : 'the target is a loopback address';
  return `refused by the egress guard: ${why}${host === '0.0.0.0' ? '' : '; set OUTBOUND_ALLOW to allow it'}`;
}

describe('the egress guard on a server whose operator allows a host (OUTBOUND_ALLOW=localhost)', () => {
  let allowed: Listener;
  let own: OwnServer;
  let previousDatabaseUrl: string | undefined;

  // A server of its own on a fresh database: it is the only process there, so its poller polls.
  beforeAll(async () => {
    allowed = await countingListener((req) => {
      if (req.url === '/redirect') return { status: 302, headers: { location: '/redirected' } };
      if (req.url?.startsWith('/api/v1/query'))
        return {
          status: 200,
          body: JSON.stringify({
            status: 'success',
            data: { resultType: 'scalar', result: [Date.now() / 1000, '0.5'] },
          }),
        };
      return { status: 200 };
    });
    own = await startOwnServer({ OUTBOUND_ALLOW: 'localhost' }, { freshDatabase: true });
    previousDatabaseUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = own.databaseUrl;
  });

  afterAll(async () => {
    process.env.DATABASE_URL = previousDatabaseUrl;
    await own?.stop();
    await close(allowed);
  });

  it('reaches the allowed host, still refuses other internal addresses, and follows no redirect', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const ic = http({ token: crew.tokens.ic, baseUrl: own.baseUrl });
    const add = (url: string) => ic.post(`/api/deployments/${id}/webhooks`, { url, eventTypes: ['status.posted'] });

    const hook = await add(`http://localhost:${allowed.port}/hook`);
    expect(hook.status).toBe(201);
    expect((await ic.post(`/api/deployments/${id}/webhooks/${hook.body.webhook.id}/test`)).body).toEqual({
      ok: true,
      status: 200,
    });
    expect(allowed.requests).toContain('/hook');

    // The name is allowed, not the addresses it has.
    for (const host of ['127.0.0.1', '[::1]', '10.0.0.1']) {
      const res = await add(`http://${host}:${allowed.port}/hook`);
      expect({ host, status: res.status, code: res.body.error?.code }).toEqual({
        host,
        status: 422,
        code: 'outbound_refused',
      });
    }

    const redirecting = await add(`http://localhost:${allowed.port}/redirect`);
    expect((await ic.post(`/api/deployments/${id}/webhooks/${redirecting.body.webhook.id}/test`)).body).toEqual({
      ok: false,
      status: 302,
      error: `localhost:${allowed.port} answered HTTP 302`,
    });
    expect(allowed.requests).toContain('/redirect');
    expect(allowed.requests).not.toContain('/redirected');

    const source = await ic.put(`/api/deployments/${id}/sources/prometheus`, {
      baseUrl: `http://localhost:${allowed.port}`,
      intervalSec: 1,
      queries: { error_rate: 'up' },
    });
    expect(source.status).toBe(200);
    await until(
      async () =>
        (await prisma.metricSource.findFirst({
          where: { deploymentId: id, kind: 'prometheus', healthy: true, lastPolledAt: { not: null } },
        })) !== null,
      30_000,
      'a healthy poll',
    );
    expect(allowed.requests.some((path) => path.startsWith('/api/v1/query?query=up'))).toBe(true);
    await ic.del(`/api/deployments/${id}/sources/prometheus`);
  });
});
