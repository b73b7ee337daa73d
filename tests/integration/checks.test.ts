import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckDto } from '@/lib/contracts/items';
import { parseRunbook } from '@/lib/domain/runbook';
import { prisma } from '@/lib/server/db';
import { makeDeployment, makeToken } from '@/lib/server/seed/factories';
import { makeCrew } from '../support/crew';
import { http } from '../support/http';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { until } from '../support/until';

/**
 * Checks on items (issue 16). Setting them is tested against the run's server, which refuses
 * loopback targets (no OUTBOUND_ALLOW). Running them needs a target on 127.0.0.1 and a leader
 * that may reach it: a server of this file's own with OUTBOUND_ALLOW=127.0.0.1 on a fresh
 * database (so it is the leader there and its checks worker is the one that runs).
 */

type Crew = Awaited<ReturnType<typeof makeCrew>>;
const itemPath = (crew: Crew, itemId: string, rest = '') =>
  `/api/deployments/${crew.deployment.id}/items/${itemId}${rest}`;

type ShownItem = { id: string; check: CheckDto | null; children: ShownItem[] };
/** An item anywhere in the state's tree (a crew's first DBA item may be a sub-step). */
function findItem(phases: { items: ShownItem[] }[], id: string): ShownItem {
  const walk = (items: ShownItem[]): ShownItem | undefined =>
    items.map((i) => (i.id === id ? i : walk(i.children))).find(Boolean);
  const found = phases.map((p) => walk(p.items)).find(Boolean);
  if (!found) throw new Error(`item ${id} is not in the state`);
  return found;
}

/** The item's phase running, the deployment under way: what a check waits for. */
async function runPhaseOf(crew: Crew, itemId: string) {
  const item = await prisma.checklistItem.findUniqueOrThrow({ where: { id: itemId } });
  await prisma.deployment.update({ where: { id: crew.deployment.id }, data: { state: 'in_progress' } });
  await prisma.phase.update({ where: { id: item.phaseId }, data: { status: 'active', startedAt: new Date() } });
}

describe('PUT /api/deployments/:id/items/:itemId/check (the run’s server)', () => {
  it('refuses bad checks with 422, and a loopback target without OUTBOUND_ALLOW with outbound_refused', async () => {
    const crew = await makeCrew();
    const item = crew.itemOf('dba');
    const api = http({ token: crew.tokens.dba });
    const put = (body: unknown) => api.put(itemPath(crew, item.id, '/check'), body);
    const badUrl = await put({ kind: 'http', url: 'not a url' });
    expect(badUrl.status).toBe(422);
    expect(badUrl.body.error.code).toBe('invalid_body');
    expect((await put({ kind: 'ftp', url: 'ftp://example.com' })).body.error.code).toBe('invalid_body');
    const zero = await put({ kind: 'http', url: 'https://example.com/health', passesNeeded: 0 });
    expect(zero.status).toBe(422);
    expect(zero.body.error.message).toContain('passesNeeded');
    expect((await put({ kind: 'prometheus', query: 'up', comparison: '=', value: 1 })).status).toBe(422);
    const loopback = await put({ kind: 'http', url: 'http://127.0.0.1:9/health' });
    expect(loopback.status).toBe(422);
    expect(loopback.body.error).toMatchObject({
      code: 'outbound_refused',
      message: '127.0.0.1 is a loopback address; set OUTBOUND_ALLOW to allow it',
    });
    expect(await prisma.itemCheck.count({ where: { itemId: item.id } })).toBe(0);
  });

  it('sets, shows, replaces and removes a check, each on the timeline; only the IC and the owner may', async () => {
    const crew = await makeCrew();
    const item = crew.itemOf('dba');
    const path = itemPath(crew, item.id, '/check');
    const body = { kind: 'http', url: 'https://api.example.com/health', expectBodyContains: 'ok', passesNeeded: 3 };
    expect((await http({ token: crew.tokens.qa }).put(path, body)).status).toBe(403);
    expect((await http({ token: crew.tokens.stakeholder }).put(path, body)).status).toBe(403);
    const set = await http({ token: crew.tokens.dba }).put(path, body);
    expect(set.status).toBe(200);
    expect(set.body.check).toMatchObject({
      itemId: item.id,
      kind: 'http',
      description: 'GET https://api.example.com/health → 200 contains "ok"',
      intervalSec: 10,
      passesNeeded: 3,
      autoTick: true,
      state: 'waiting',
      streak: 0,
      lastRun: null,
    });
    expect(set.body.secretUrl).toBeUndefined();
    const state = await http({ token: crew.tokens.stakeholder }).get(`/api/deployments/${crew.deployment.id}`);
    expect(findItem(state.body.phases, item.id).check).toMatchObject({ kind: 'http', state: 'waiting' });
    expect(state.body.phases[0].items.find((i: { id: string }) => i.id !== item.id).check).toBeNull();

    const ci = await http({ token: crew.tokens.ic }).put(path, { kind: 'ci' });
    expect(ci.body.check).toMatchObject({ kind: 'ci', description: 'ci' });
    expect(ci.body.secretUrl).toMatch(/^\/api\/checks\/ci\/wrci_[\w-]+$/);
    const row = await prisma.itemCheck.findUniqueOrThrow({ where: { itemId: item.id } });
    expect(row.secretHash).not.toContain(ci.body.secretUrl.split('/').pop());

    expect((await http({ token: crew.tokens.dba }).del(path)).status).toBe(204);
    expect((await http({ token: crew.tokens.dba }).del(path)).status).toBe(404);
    const events = await prisma.event.findMany({
      where: { deploymentId: crew.deployment.id, type: { startsWith: 'item.check' } },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => e.type)).toEqual(['item.check_set', 'item.check_set', 'item.check_removed']);
  });

  it('copies the checks of the runbook onto the deployment’s items, waiting for their phase', async () => {
    const parsed = parseRunbook(
      '# R\n\n## Phase 1: Deploy (10 min)\n\n- [ ] Health answers @devops\n  Check: GET https://api.example.com/health → 200 contains "ok"\n- [ ] Pipeline green @dba\n\n  Check: ci\n',
    );
    if (!parsed.ok) throw new Error(parsed.reason);
    const deployment = await makeDeployment({ definition: parsed.template });
    const checks = await prisma.itemCheck.findMany({
      where: { deploymentId: deployment.id },
      include: { item: { select: { title: true } } },
      orderBy: { kind: 'asc' },
    });
    expect(checks.map((c) => [c.item.title, c.kind, c.state, c.secretHash])).toEqual([
      ['Pipeline green', 'ci', 'waiting', null],
      ['Health answers', 'http', 'waiting', null],
    ]);
    expect(checks[1].spec).toEqual({
      kind: 'http',
      url: 'https://api.example.com/health',
      method: 'GET',
      expectStatus: 200,
      expectBodyContains: 'ok',
    });
  });

  it('lets an items:write token tick with evidence, and nothing more', async () => {
    const crew = await makeCrew();
    const item = crew.itemOf('dba');
    const token = await makeToken(crew.people.dba.id, ['items:write'], crew.deployment.id);
    const ci = http({ token });
    const tick = await ci.post(itemPath(crew, item.id, '/evidence'), {
      text: 'pipeline passed',
      source: 'ci',
      status: 'done',
    });
    expect(tick.status).toBe(201);
    expect(tick.body.item.status).toBe('done');
    expect((await ci.get(`/api/deployments/${crew.deployment.id}`)).status).toBe(200);
    const check = await ci.put(itemPath(crew, item.id, '/check'), { kind: 'ci' });
    expect(check.status).toBe(403);
    expect(check.body.error).toMatchObject({ code: 'missing_scope', scope: 'write' });
    expect((await ci.post(`/api/deployments/${crew.deployment.id}/status-updates`, { message: 'hi' })).status).toBe(
      403,
    );
  });

  it('answers 404 to a CI secret nobody holds', async () => {
    const res = await http().raw('POST', '/api/checks/ci/wrci_nobodyholdsthissecret0000', 'passed', {
      'content-type': 'text/plain',
    });
    expect(res.status).toBe(404);
  });
});

describe('checks that run (a server with OUTBOUND_ALLOW=127.0.0.1)', () => {
  let own: OwnServer;
  let target: Server;
  let targetUrl: string;
  let previousDatabaseUrl: string | undefined;
  /** What the target answers on /health: 200 "status: ok" or 500. */
  let healthy = true;
  const client = (token: string) => http({ token, baseUrl: own.baseUrl });

  beforeAll(async () => {
    own = await startOwnServer({ OUTBOUND_ALLOW: '127.0.0.1' }, { freshDatabase: true });
    previousDatabaseUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = own.databaseUrl;
    target = createServer((req, res) => {
      res.statusCode = healthy ? 200 : 500;
      res.end(healthy ? 'status: ok' : 'status: down');
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetUrl = `http://127.0.0.1:${(target.address() as { port: number }).port}/health`;
  }, 90_000);

  afterAll(async () => {
    target?.closeAllConnections();
    await new Promise((resolve) => target?.close(resolve));
    await own?.stop();
    process.env.DATABASE_URL = previousDatabaseUrl;
  });

  it(
    'ticks the item by the check, with its output as evidence, once it passed enough times',
    { timeout: 60_000 },
    async () => {
      healthy = true;
      const crew = await makeCrew();
      const item = crew.itemOf('dba');
      await runPhaseOf(crew, item.id);
      const set = await client(crew.tokens.dba).put(itemPath(crew, item.id, '/check'), {
        kind: 'http',
        url: targetUrl,
        expectBodyContains: 'ok',
        intervalSec: 1,
        passesNeeded: 2,
      });
      expect(set.status).toBe(200);
      await until(
        async () => (await prisma.checklistItem.findUniqueOrThrow({ where: { id: item.id } })).status === 'done',
        30_000,
        'the check to tick the item',
      );
      const evidence = await prisma.evidence.findMany({ where: { itemId: item.id } });
      expect(evidence).toEqual([
        expect.objectContaining({
          source: 'check',
          match: 'match',
          byName: 'check',
          text: expect.stringContaining('→ 200'),
        }),
      ]);
      expect(evidence[0].text).toContain('status: ok');
      // One event: the tick with its evidence, by "check".
      const ticks = await prisma.event.findMany({ where: { deploymentId: crew.deployment.id, type: 'item.updated' } });
      expect(ticks).toHaveLength(1);
      expect(ticks[0]).toMatchObject({ actorName: 'check', seq: evidence[0].eventSeq });
      const state = await client(crew.tokens.ic).get(`/api/deployments/${crew.deployment.id}`);
      // The item may be a sub-step: look through the whole tree, not just each phase's top level.
      type Shown = { id: string; children?: Shown[]; check?: { state: string; streak: number } };
      const everyItem = (items: Shown[]): Shown[] => items.flatMap((i) => [i, ...everyItem(i.children ?? [])]);
      const shown = everyItem(state.body.phases.flatMap((p: { items: Shown[] }) => p.items)).find(
        (i) => i.id === item.id,
      )!;
      expect(shown.check).toMatchObject({ state: 'passing', lastRun: expect.objectContaining({ ok: true }) });
      expect(shown.check!.streak).toBeGreaterThanOrEqual(2);
    },
  );

  it(
    'raises a mismatch when a check fails on an item a person ticked, and leaves it ticked',
    { timeout: 60_000 },
    async () => {
      healthy = false;
      const crew = await makeCrew();
      const item = crew.itemOf('dba');
      await runPhaseOf(crew, item.id);
      const ticked = await client(crew.tokens.dba).patch(itemPath(crew, item.id), {
        status: 'done',
        version: item.version,
      });
      expect(ticked.status).toBe(200);
      await client(crew.tokens.ic).put(itemPath(crew, item.id, '/check'), {
        kind: 'http',
        url: targetUrl,
        intervalSec: 1,
      });
      await until(
        async () => (await prisma.evidence.count({ where: { itemId: item.id, match: 'mismatch' } })) > 0,
        30_000,
        'a mismatch from the failing check',
      );
      const [mismatch] = await prisma.evidence.findMany({ where: { itemId: item.id } });
      expect(mismatch).toMatchObject({ source: 'check', match: 'mismatch' });
      expect(mismatch.reason).toContain('Check failing');
      expect(mismatch.text).toContain('→ 500, expected 200');
      expect((await prisma.checklistItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe('done');
      const check = await prisma.itemCheck.findUniqueOrThrow({ where: { itemId: item.id } });
      expect(check.state).toBe('failing');
    },
  );

  it('ticks the item when CI calls its secret URL, the body its evidence', async () => {
    const crew = await makeCrew();
    const item = crew.itemOf('dba');
    await runPhaseOf(crew, item.id);
    const set = await client(crew.tokens.dba).put(itemPath(crew, item.id, '/check'), { kind: 'ci' });
    const secretUrl = set.body.secretUrl as string;
    const res = await http({ baseUrl: own.baseUrl }).raw(
      'POST',
      secretUrl,
      'migrate: Applied 1 migration\npassword=hunter2',
      { 'content-type': 'text/plain' },
    );
    expect(res.status).toBe(201);
    expect(res.body.item).toMatchObject({ id: item.id, status: 'done' });
    expect(res.body.evidence).toMatchObject({ source: 'ci', match: 'match', by: 'CI', redacted: 1 });
    expect(res.body.evidence.text).not.toContain('hunter2');
    const check = await prisma.itemCheck.findUniqueOrThrow({ where: { itemId: item.id } });
    expect(check.state).toBe('passing');
  });
});
