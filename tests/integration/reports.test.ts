import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { http } from '../support/http';
import { expectError, gatesOf, makeDrivenCrew, startFirstPhase } from '../support/lifecycle';

const run = (series: string, value: number, n: number, end: number) =>
  Array.from({ length: n }, (_, i) => ({ series, ts: end - (n - 1 - i) * 1000, value }));

describe('GET /api/deployments/:id/report.md', () => {
  it('writes the real items, states, people, sign-offs, decisions and threshold crossings', async () => {
    const crew = await makeDrivenCrew();
    await startFirstPhase(crew);
    const backup = crew.items.find((i) => i.title.startsWith('Take a verified backup'))!;
    const dba = crew.as(crew.tokens.dba);
    expect(
      (await dba.patch(crew.url(`/items/${backup.id}`), { status: 'done', version: 1, note: 'dump 42 GB, sha256 ok' }))
        .status,
    ).toBe(200);
    const qaItem = crew.items.find((i) => i.title === 'Smoke suite green on staging')!;
    expect(
      (
        await crew
          .as(crew.tokens.qa)
          .patch(crew.url(`/items/${qaItem.id}`), { status: 'blocked', version: 1, note: 'staging | smoke red' })
      ).status,
    ).toBe(200);

    const [gate] = await gatesOf(crew.id);
    expect(
      (await dba.post(crew.url(`/gates/${gate.id}/signoffs`), { decision: 'approve', comment: 'replica lag 0.2 s' }))
        .status,
    ).toBe(201);
    expect(
      (
        await crew.as(crew.tokens.qa).post(crew.url(`/gates/${gate.id}/signoffs`), {
          decision: 'reject',
          roleKey: 'qa',
          comment: 'smoke suite red',
        })
      ).status,
    ).toBe(201);

    const t = Date.now();
    await crew.ic.post(crew.url('/metrics'), { samples: run('error_rate', 24, 40, t) });
    expect((await crew.ic.post(crew.url('/transitions'), { to: 'on_hold', reason: 'waiting for QA' })).status).toBe(
      200,
    );

    const res = await crew.as(crew.tokens.stakeholder).get(crew.url('/report.md'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="go-live-report-.+\.md"$/);
    const md = res.body as string;

    expect(md).toContain(`# Go-live report: ${crew.deployment.name}`);
    expect(md).toContain('| Version | 2.4.0 |');
    expect(md).toContain('| Outcome | Live — on hold (waiting for QA) |');
    expect(md).toContain('## Phases: planned vs actual');
    expect(md).toMatch(/\| 1 \| Pre-flight checks \| T-1h \(.+\) \| 30 min \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ \|/);

    expect(md).toMatch(
      /\| Take a verified backup of the payments database \| Database \| Database Admin \| Done \| Dana DBA \| \d{4}-[^|]+Z \| dump 42 GB, sha256 ok \|/,
    );
    expect(md).toMatch(
      /\| Smoke suite green on staging \|[^|]*\| QA Lead \| Blocked \| Quinn QA \|[^|]+\| staging \\\| smoke red \|/,
    );
    // Untouched items are listed too, with no one and no time.
    expect(md).toContain('| Check replication lag is under 1 s | Database | Database Admin | Pending | — | — | — |');

    expect(md).toContain('### Gate: Go / No-Go');
    expect(md).toMatch(/\| Database Admin \| Dana DBA \| GO \(approve\) \| [^|]+Z \| replica lag 0\.2 s \|/);
    expect(md).toMatch(/\| QA Lead \| Quinn QA \| NO-GO \(reject\) \| [^|]+Z \| smoke suite red \|/);
    expect(md).toContain('| DevOps | — | not signed | — | — |');
    expect(md).toContain('| Tech Lead | — | not signed | — | — |');

    const decisions = md.slice(md.indexOf('## Decisions'), md.indexOf('## Threshold crossings'));
    expect(decisions).toContain('moved the deployment to preflight');
    expect(decisions).toContain('moved the deployment to on hold — waiting for QA');
    expect(decisions).toContain('Iris IC');
    const crossings = md.slice(md.indexOf('## Threshold crossings'));
    expect(crossings).toMatch(/\| system \| Level 1 → 3 \(Roll back now\): error rate 24 % > 10 %/);

    // The audit chain head it was made at: a copy outside the database to compare the log with.
    const [, seq, hash] = md.match(/Chain head: event #(\d+), `([0-9a-f]{64})` \(HMAC-SHA-256\)/) ?? [];
    const stored = await prisma.event.findUniqueOrThrow({
      where: { deploymentId_seq: { deploymentId: crew.id, seq: Number(seq) } },
    });
    expect(stored.hash).toBe(hash);
    expect(Number(seq)).toBeGreaterThanOrEqual(8);
  });

  it('is for participants only; 404 for an unknown deployment, 401 without sign-in', async () => {
    const crew = await makeDrivenCrew();
    expectError(await crew.as(crew.tokens.outsider).get(crew.url('/report.md')), 403, 'forbidden');
    expectError(await crew.ic.get('/api/deployments/nope/report.md'), 404, 'not_found');
    expectError(await http().get(crew.url('/report.md')), 401, 'unauthenticated');
    const admin = await crew.as(crew.tokens.admin).get(crew.url('/report.md'));
    expect(admin.status).toBe(200);
    expect(admin.body).toContain('_No decisions recorded yet._');
  });
});
