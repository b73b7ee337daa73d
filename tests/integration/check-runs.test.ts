import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckRunsResult } from '@/lib/contracts/items';
import { prisma } from '@/lib/server/db';
import { makeCrew } from '../support/crew';
import { http } from '../support/http';
import { startOwnServer, type OwnServer } from '../support/own-server';

/**
 * A check's recent runs (GET …/check/runs), the report's Checks table, and the CI URL's rate
 * limit per client address (issue 16). CI calls make runs without a probe target, so the run's
 * server does for the first two; the limit needs a server of its own with a low limit.
 */

type Crew = Awaited<ReturnType<typeof makeCrew>>;
const itemPath = (crew: Crew, itemId: string, rest = '') =>
  `/api/deployments/${crew.deployment.id}/items/${itemId}${rest}`;

/** The item's phase running, the deployment under way. */
async function runPhaseOf(crew: Crew, itemId: string) {
  const item = await prisma.checklistItem.findUniqueOrThrow({ where: { id: itemId } });
  await prisma.deployment.update({ where: { id: crew.deployment.id }, data: { state: 'in_progress' } });
  await prisma.phase.update({ where: { id: item.phaseId }, data: { status: 'active', startedAt: new Date() } });
}

const callCi = (secretUrl: string, text: string, baseUrl?: string, headers: Record<string, string> = {}) =>
  http({ baseUrl }).raw('POST', secretUrl, text, { 'content-type': 'text/plain', ...headers });

describe('GET /api/deployments/:id/items/:itemId/check/runs', () => {
  it('lists the last runs newest first, to whoever may read the war room; 404 without a check', async () => {
    const crew = await makeCrew();
    const item = crew.itemOf('dba');
    const path = itemPath(crew, item.id, '/check/runs');
    const reader = http({ token: crew.tokens.stakeholder });
    const none = await reader.get(path);
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('not_found');

    await runPhaseOf(crew, item.id);
    const set = await http({ token: crew.tokens.dba }).put(itemPath(crew, item.id, '/check'), {
      kind: 'ci',
      autoTick: false,
    });
    expect((await reader.get<CheckRunsResult>(path)).body).toEqual({ runs: [] });
    expect((await callCi(set.body.secretUrl, 'build 1: green')).status).toBe(201);
    expect((await callCi(set.body.secretUrl, 'build 2: green')).status).toBe(201);

    const listed = await reader.get<CheckRunsResult>(path);
    expect(listed.status).toBe(200);
    expect(listed.body.runs).toEqual([
      { at: expect.any(String), ok: true, output: 'build 2: green', durationMs: null },
      { at: expect.any(String), ok: true, output: 'build 1: green', durationMs: null },
    ]);
    expect(Date.parse(listed.body.runs[0].at)).toBeGreaterThanOrEqual(Date.parse(listed.body.runs[1].at));
    expect((await http({ token: crew.tokens.outsider }).get(path)).status).toBe(403);
    expect((await reader.get(itemPath(crew, crew.itemOf('qa').id, '/check/runs'))).status).toBe(404);
  });

  it('puts every step’s check, its state and last run in the report', async () => {
    const crew = await makeCrew();
    const item = crew.itemOf('dba');
    await runPhaseOf(crew, item.id);
    const set = await http({ token: crew.tokens.dba }).put(itemPath(crew, item.id, '/check'), { kind: 'ci' });
    expect((await callCi(set.body.secretUrl, 'Applied 1 migration')).status).toBe(201);
    const report = await http({ token: crew.tokens.stakeholder }).get(
      `/api/deployments/${crew.deployment.id}/report.md`,
    );
    expect(report.status).toBe(200);
    const markdown = report.body as string;
    expect(markdown).toContain('### Checks');
    expect(markdown).toContain('1 step had a check: 1 passing, 0 failing, 0 checking, 0 waiting.');
    expect(markdown).toMatch(
      new RegExp(
        `\\| ${item.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\| [^|]+ \\| ci \\| Passing \\| passed [^|]+ \\| Applied 1 migration \\|`,
      ),
    );
    expect(markdown).toContain('proven by matching evidence (1 by CI)');
  });
});

describe('POST /api/checks/ci/:secret rate limit (a server of its own: 3 a minute, behind a trusted proxy)', () => {
  let own: OwnServer;
  beforeAll(async () => {
    // TRUST_PROXY: the test names the client address in X-Forwarded-For, as a proxy would.
    own = await startOwnServer({ CI_CALLBACK_RATE_LIMIT: '3', TRUST_PROXY: 'true' });
  }, 90_000);
  afterAll(async () => own?.stop());

  it('limits each address, wrong secrets included, with Retry-After; another address still gets through', async () => {
    const crew = await makeCrew();
    const item = crew.itemOf('dba');
    await runPhaseOf(crew, item.id);
    const set = await http({ token: crew.tokens.dba, baseUrl: own.baseUrl }).put(itemPath(crew, item.id, '/check'), {
      kind: 'ci',
    });
    const guesser = { 'x-forwarded-for': '203.0.113.7' };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await callCi(`/api/checks/ci/wrci_guess${i}aaaaaaaaaaaaaaaaaaaaaa`, 'x', own.baseUrl, guesser)).status,
      );
    expect(statuses).toEqual([404, 404, 404, 429]);
    // Out of calls, even the right secret waits: nothing is recorded.
    const limited = await callCi(set.body.secretUrl, 'green', own.baseUrl, guesser);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await prisma.evidence.count({ where: { itemId: item.id } })).toBe(0);

    const pipeline = await callCi(set.body.secretUrl, 'green', own.baseUrl, { 'x-forwarded-for': '198.51.100.2' });
    expect(pipeline.status).toBe(201);
    expect(pipeline.body.item).toMatchObject({ id: item.id, status: 'done' });
  });
});
