import nodeHttp from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashToken } from '@/lib/server/auth/tokens';
import { prisma } from '@/lib/server/db';
import { auditVerify as verify } from '../support/audit-verify';
import {
  ACTORS,
  allowedActors,
  CASES,
  fingerprint,
  makeRoom,
  matrixRows,
  mutatingEndpoints,
  type ActorKey,
  type Case,
} from '../support/authorization-matrix';
import { baseUrl, http, signIn } from '../support/http';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { connect, connected, subscribe } from '../support/socket';
import { suitePeople } from '../support/suite-people';

const { ctx, track, as } = suitePeople();

describe('authorization matrix', () => {
  const endpoints = mutatingEndpoints();

  it('has a row for every mutating endpoint', () => {
    expect(
      endpoints.filter((e) => !(e in CASES)),
      'add a row to its area in tests/support/authorization-matrix/cases-*.ts',
    ).toEqual([]);
    expect(endpoints.length).toBeGreaterThan(20);
  });

  // Rows named "METHOD /path (variant)" try one endpoint with a body that needs more rights.
  for (const endpoint of matrixRows(endpoints)) {
    const row = CASES[endpoint];
    if (!row || 'skip' in row) continue;
    const [method, route] = endpoint.split(' ');
    const allow = allowedActors(row);
    it(`${endpoint}: ${allow.join(', ') || 'nobody (with a token)'}`, async () => {
      const call = async (c: Case, crew: Awaited<ReturnType<typeof makeRoom>>, actor: ActorKey) => {
        const { path, body } = await c.prepare(crew, actor);
        return as(actor).raw(method, path, body ?? (method === 'DELETE' ? undefined : {}));
      };
      // Everyone refused tries first, on one crew, which must come out exactly as it went in.
      const crew = await makeRoom(ctx.people);
      for (const actor of ACTORS.filter((a) => !allow.includes(a))) {
        const prepared = await row.prepare(crew, actor);
        const before = await fingerprint(crew);
        const res = await as(actor).raw(method, prepared.path, prepared.body ?? (method === 'DELETE' ? undefined : {}));
        const expected = actor === 'anonymous' ? [401] : [403, ...(row.alsoRefusedAs ?? [])];
        expect({ actor, status: res.status }, `${route} ${JSON.stringify(res.body)}`).toEqual({
          actor,
          status: expected.includes(res.status) ? res.status : expected[0],
        });
        expect(await fingerprint(crew), `${actor} changed something`).toBe(before);
      }
      await row.cleanup?.(crew);
      // Each allowed actor succeeds, on a room of its own.
      for (const actor of allow) {
        const fresh = await makeRoom(ctx.people);
        const res = await call(row, fresh, actor);
        expect(
          { actor, ok: res.status >= 200 && res.status < 300 },
          `${res.status} ${JSON.stringify(res.body)}`,
        ).toEqual({ actor, ok: true });
        await row.cleanup?.(fresh);
      }
    });
  }

  it('deployment:subscribe lets in exactly who may read the room', async () => {
    const crew = await makeRoom(ctx.people);
    const allowed: ActorKey[] = ['ic', 'dba', 'qa', 'comms', 'stakeholder', 'admin', 'icNoSign', 'dbaNoSign'];
    for (const actor of ACTORS) {
      const socket = track(connect(ctx.people.tokens[actor] ? { token: ctx.people.tokens[actor]! } : {}));
      if (actor === 'anonymous') {
        await expect(connected(socket)).rejects.toThrow(/unauthenticated/);
        continue;
      }
      await connected(socket);
      const ack = await subscribe(socket, crew.id, 0);
      expect({ actor, ok: ack.ok }).toEqual({ actor, ok: allowed.includes(actor) });
      socket.disconnect();
    }
  });
});

describe('HTTP hardening', () => {
  it('refuses cookie-authenticated writes from another site and changes nothing', async () => {
    const crew = await makeRoom(ctx.people);
    const cookie = await signIn(ctx.people.users.ic.email, ctx.people.users.ic.password);
    const before = await fingerprint(crew);
    const post = (headers: Record<string, string>) =>
      http({ cookie }).post(crew.url('/status-updates'), { message: 'csrf' }, headers);
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // A sandboxed frame or a file says `Origin: null`; a malformed one is hostile: neither is ours.
    for (const origin of ['null', 'not a url', 'http://']) {
      const res = await post({ origin });
      expect({ origin, status: res.status, code: res.body?.error?.code }).toEqual({
        origin,
        status: 403,
        code: 'forbidden',
      });
    }
    // Every browser says where a write comes from; a cookie write that says nothing is not ours.
    const silent = await fetch(`${baseUrl()}${crew.url('/status-updates')}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'csrf' }),
    });
    expect({ status: silent.status, code: (await silent.json()).error?.code }).toEqual({
      status: 403,
      code: 'forbidden',
    });
    expect(await fingerprint(crew)).toBe(before);
    expect((await post({ origin: baseUrl(), 'sec-fetch-site': 'same-origin' })).status).toBe(201);
  });

  it('keeps API tokens hashed, shows them once and honours revocation', async () => {
    const cookie = await signIn(ctx.people.users.qa.email, ctx.people.users.qa.password);
    const created = await http({ cookie }).post('/api/tokens', { name: 'ci', scopes: ['read'] }, { origin: baseUrl() });
    expect(created.status).toBe(201);
    const { token, apiToken } = created.body;
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify((await http({ cookie }).get('/api/tokens')).body)).not.toContain(token);
    expect((await http({ token }).get('/api/me')).status).toBe(200);
    expect((await http({ cookie }).del(`/api/tokens/${apiToken.id}`, { origin: baseUrl() })).status).toBe(200);
    expect((await http({ token }).get('/api/me')).status).toBe(401);
  });

  it('limits the body of every mutating endpoint', async () => {
    // Larger than any route takes: refused before a handler (or better-auth) sees it.
    const big = JSON.stringify({ padding: 'x'.repeat(6 * 1024 * 1024) });
    for (const endpoint of mutatingEndpoints()) {
      const [method, route] = endpoint.split(' ');
      const path = route.replace(/\[\.\.\.all\]/, 'sign-in/email').replace(/\[[^\]]+\]/g, 'x');
      const res = await http({ token: ctx.people.tokens.ic! }).raw(method, path, big);
      expect({ endpoint, status: res.status }).toEqual({ endpoint, status: 413 });
    }
    // A streamed body without Content-Length is cut off while it is read (own connection: the
    // server drops it once it stops reading).
    const crew = await makeRoom(ctx.people);
    const status = await new Promise<number>((resolve, reject) => {
      const req = nodeHttp.request(
        `${baseUrl()}${crew.url('/status-updates')}`,
        {
          method: 'POST',
          agent: false,
          headers: { authorization: `Bearer ${ctx.people.tokens.ic}`, 'content-type': 'application/json' },
        },
        (res) => (res.resume(), resolve(res.statusCode ?? 0)),
      );
      req.on('error', reject);
      req.write('{"message":"');
      req.end(`${'x'.repeat(200_000)}"}`);
    });
    expect(status).toBe(413);
    // And each route's own limit holds below the global one.
    expect(
      (await http({ token: ctx.people.tokens.ic! }).post(crew.url('/status-updates'), { message: 'x'.repeat(10_000) }))
        .status,
    ).toBe(413);
  });

  it('sends the security headers', async () => {
    const res = await fetch(`${baseUrl()}/sign-in`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it("gives API answers the pages' policy without a nonce: this origin's scripts only", async () => {
    const page = (await fetch(`${baseUrl()}/sign-in`)).headers.get('content-security-policy') ?? '';
    const api = (await fetch(`${baseUrl()}/api/health`)).headers.get('content-security-policy') ?? '';
    expect(api).toContain("script-src 'self';");
    expect(api).toContain("object-src 'none'");
    const withoutScripts = (policy: string) => policy.split('; ').filter((d) => !d.startsWith('script-src'));
    expect(withoutScripts(api)).toEqual(withoutScripts(page));
  });
});

describe('with low limits and HSTS (a server of its own)', () => {
  let own: OwnServer;
  beforeAll(async () => {
    own = await startOwnServer({ AUTH_RATE_LIMIT: 'on', WRITE_RATE_LIMIT: '5', HSTS: 'true' });
  });
  afterAll(async () => own?.stop());

  it('rate-limits sign-in attempts', async () => {
    const attempt = () =>
      fetch(`${own.baseUrl}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: own.baseUrl },
        body: JSON.stringify({ email: ctx.people.users.outsider.email, password: 'wrong-password' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('rate-limits writes per user, with Retry-After, without touching other users', async () => {
    const crew = await makeRoom(ctx.people);
    const post = (actor: ActorKey) =>
      own.request('POST', crew.url('/status-updates'), ctx.people.tokens[actor]!, { message: 'again' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post('comms')).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    const limited = await post('comms');
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post('ic')).status).toBe(201);
    expect(await prisma.event.count({ where: { deploymentId: crew.id, type: 'status.posted' } })).toBe(6);
  });

  it('sends HSTS when configured to (behind TLS)', async () => {
    const res = await fetch(`${own.baseUrl}/sign-in`);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('the audit chain', () => {
  it('cannot be changed through the database, and audit:verify proves it intact or names the tampered event', async () => {
    const crew = await makeRoom(ctx.people);
    await as('ic').post(crew.url('/status-updates'), { message: 'first' });
    await as('ic').post(crew.url('/status-updates'), { message: 'second' });
    const intact = await verify(crew.id);
    expect(intact.stdout).toMatch(/^intact: 3 events/);
    expect(intact.status).toBe(0);

    const db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
    try {
      await expect(
        db.query(`UPDATE "Event" SET "payload" = '{"message":"rewritten"}' WHERE "deploymentId" = $1 AND "seq" = 2`, [
          crew.id,
        ]),
      ).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM "Event" WHERE "deploymentId" = $1 AND "seq" = 3`, [crew.id])).rejects.toThrow(
        /append-only/,
      );
      // Only a superuser switching the guard off can tamper — and the chain still tells.
      await db.query('BEGIN');
      await db.query('ALTER TABLE "Event" DISABLE TRIGGER event_append_only');
      await db.query(
        `UPDATE "Event" SET "payload" = '{"message":"rewritten"}' WHERE "deploymentId" = $1 AND "seq" = 2`,
        [crew.id],
      );
      await db.query('ALTER TABLE "Event" ENABLE TRIGGER event_append_only');
      await db.query('COMMIT');
    } finally {
      await db.query('ROLLBACK').catch(() => undefined);
      await db.end();
    }
    const broken = await verify(crew.id);
    expect(broken.stdout).toMatch(/^broken at seq 2: event #2 was changed/);
    expect(broken.status).toBe(1);
  });
  it('stays one unbroken chain when many people write at the same moment', async () => {
    const crew = await makeRoom(ctx.people);
    const writes = Array.from({ length: 30 }, (_, i) =>
      as('ic').post(crew.url('/status-updates'), { message: `update ${i} — “quoted”, ünïcode` }),
    );
    expect((await Promise.all(writes)).map((r) => r.status)).toEqual(Array(30).fill(201));
    const seqs = (
      await prisma.event.findMany({ where: { deploymentId: crew.id }, select: { seq: true }, orderBy: { seq: 'asc' } })
    ).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    const intact = await verify(crew.id);
    expect(intact.stdout).toMatch(/^intact: 31 events/);
  });
});

describe('GET /metrics', () => {
  it('exposes Prometheus text: HTTP latency, sockets, events, webhooks', async () => {
    const res = await fetch(`${baseUrl()}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    for (const name of [
      'warroom_http_requests_total',
      'warroom_http_request_duration_seconds_bucket',
      'warroom_socket_connections',
      'warroom_events_published_total',
      'warroom_webhook_deliveries_total',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(
      /warroom_http_requests_total\{method="POST",route="\/api\/deployments\/:id\/status-updates",status="201"\} \d+/,
    );
    expect(text).not.toMatch(/ws_[A-Za-z0-9_-]{20}/);
    // Memory, with the young generation (which grows with traffic, not connections) on its own line.
    expect(text).toMatch(/^process_resident_memory_bytes [1-9]\d*$/m);
    expect(text).toMatch(/^nodejs_heap_space_resident_bytes\{space="new_space"\} [1-9]\d*$/m);
  });
});
