import { describe, expect, it } from 'vitest';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { makePastRun } from '@/lib/server/seed/past-runs';
import { http } from '../support/http';
import { CHECKOUT_RUNBOOK } from '../support/runbooks';

const RUNBOOK = CHECKOUT_RUNBOOK;

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 8, 0));

/** Three go-lives whose Deploy phase ran over its 20 minutes (30, 35, 40), Preparation within its 30. */
const GO_LIVES = [
  { prep: 25, deploy: 30 },
  { prep: 28, deploy: 35 },
  { prep: 29, deploy: 40 },
];

async function templateWithRuns() {
  const user = await makeUser({ name: 'Tim Timing' });
  const api = http({ token: await makeToken(user.id) });
  const created = await api.post('/api/templates', { markdown: RUNBOOK, name: `Checkout timing ${Date.now()}` });
  expect(created.status).toBe(201);
  const templateId = created.body.id as string;
  const people = { ic: [user.id] };
  for (const [n, run] of GO_LIVES.entries())
    await makePastRun({
      templateId,
      people,
      start: day(n + 1),
      phases: [
        // The IC freezes merges 2 minutes in while the DBA's backup runs 20: side by side, not one after the other.
        { minutes: run.prep, ticks: { 'Freeze merges': 2, 'Back up the database': 20 } },
        { minutes: run.deploy, ticks: { 'Run migrations': run.deploy - 5 } },
      ],
    });
  // Not counted as a completed run: an aborted go-live (its finished phase still counts)…
  await makePastRun({ templateId, people, state: 'aborted', start: day(10), phases: [{ minutes: 90 }] });
  // …and a rehearsal, which is timed apart.
  await makePastRun({ templateId, people, rehearsal: true, start: day(11), phases: [{ minutes: 12 }, { minutes: 8 }] });
  return { api, templateId };
}

describe('GET /api/templates/:id/timing', () => {
  it('answers go-lives and rehearsals apart, with the slowest steps timed per role', async () => {
    const { api, templateId } = await templateWithRuns();
    const timing = await api.get(`/api/templates/${templateId}/timing`);
    expect(timing.status).toBe(200);

    // Go-lives at the top level: three completed and one aborted run.
    expect(timing.body.rehearsal).toBe(false);
    expect(timing.body.runs).toBe(4);
    expect(timing.body.phases).toEqual([
      {
        title: 'Phase 1: Preparation',
        plannedDurationMin: 30,
        actual: { n: 4, medianMin: 28.5, p90Min: 90, lastMin: 90 },
        overBy: null,
        suggestedDurationMin: null,
      },
      {
        title: 'Phase 2: Deploy',
        plannedDurationMin: 20,
        actual: { n: 3, medianMin: 35, p90Min: 40, lastMin: 40 },
        overBy: 15,
        suggestedDurationMin: 40,
      },
    ]);
    // A step takes from its role's previous tick in the phase (or the phase's start) to its own tick.
    // Slowest first.
    const steps = timing.body.items.map((i: { title: string; phase: string; actual: { medianMin: number } }) => [
      i.title,
      i.phase,
      i.actual.medianMin,
    ]);
    expect(steps).toEqual([
      ['Run migrations', 'Phase 2: Deploy', 30],
      ['Back up the database', 'Phase 1: Preparation', 20],
      ['Freeze merges', 'Phase 1: Preparation', 2],
    ]);
    // The start form's sentence: completed go-lives only (25+30, 28+35, 29+40), against 30 + 20 planned.
    expect(timing.body.sentence).toBe('Runs of this template took 55–69 min (p90 69); this plan allows 50');

    // Rehearsals apart, in the same answer.
    expect(timing.body.rehearsals).toMatchObject({
      runs: 1,
      phases: [
        { title: 'Phase 1: Preparation', actual: { n: 1, medianMin: 12 }, suggestedDurationMin: null },
        { title: 'Phase 2: Deploy', actual: { n: 1, medianMin: 8 }, suggestedDurationMin: null },
      ],
      items: [],
      sentence: 'Runs of this template took 20 min (p90 20); this plan allows 50',
    });

    // One kind at the top level when asked, and no nested rehearsals then.
    const rehearsals = await api.get(`/api/templates/${templateId}/timing?rehearsal=true`);
    expect(rehearsals.body).toEqual({ rehearsal: true, ...timing.body.rehearsals });
    const goLives = await api.get(`/api/templates/${templateId}/timing?rehearsal=false`);
    const { rehearsals: _nested, ...topLevel } = timing.body;
    expect(goLives.body).toEqual(topLevel);
    expect(_nested).toBeDefined();
  });

  it('accepting the duration suggestion saves the next version, and the suggestion goes', async () => {
    const { api, templateId } = await templateWithRuns();
    const template = (await api.get(`/api/templates/${templateId}`)).body;
    const deploy = (await api.get(`/api/templates/${templateId}/timing`)).body.phases[1];
    expect(deploy.suggestedDurationMin).toBe(40);

    // What the template page's "Plan 40 min" sends.
    const saved = await api.patch(`/api/templates/${templateId}`, {
      name: template.name,
      baseVersion: template.currentVersion,
      summary: 'Planned duration of “Phase 2: Deploy” 20 → 40 min (timing across runs)',
      definition: {
        ...template.definition,
        phases: template.definition.phases.map((p: object, i: number) =>
          i === 1 ? { ...p, plannedDurationMin: 40 } : p,
        ),
      },
    });
    expect(saved.status).toBe(200);
    const versions = (await api.get(`/api/templates/${templateId}/versions`)).body.versions;
    expect(versions[0]).toMatchObject({
      version: 2,
      summary: 'Planned duration of “Phase 2: Deploy” 20 → 40 min (timing across runs)',
    });
    const diff = await api.get(`/api/templates/${templateId}/diff?from=1&to=2`);
    expect(diff.body.changes).toEqual([expect.objectContaining({ kind: 'changed', before: 20, after: 40 })]);

    const after = (await api.get(`/api/templates/${templateId}/timing`)).body;
    expect(after.phases[1]).toMatchObject({ plannedDurationMin: 40, overBy: null, suggestedDurationMin: null });
    expect(after.sentence).toBe('Runs of this template took 55–69 min (p90 69); this plan allows 70');
  });

  it('refuses a rehearsal filter that is not true or false, and an unknown template', async () => {
    const { api, templateId } = await templateWithRuns();
    const bad = await api.get(`/api/templates/${templateId}/timing?rehearsal=maybe`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_query');
    expect((await api.get('/api/templates/nope/timing')).status).toBe(404);
  });
});
