import { describe, expect, inject, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { http } from '../support/http';

const RUNBOOK = `# Checkout go-live

## Phase 1: Preparation (T-30, 30 min)

- [ ] Back up the database (DBA)
- [ ] Freeze merges (IC)

## Phase 2: Deploy (T0, 20 min)

- [ ] Run migrations (DBA)
`;

type Api = ReturnType<typeof http>;
type Phase = { id: string; title: string; items: { id: string; version: number }[] };

const goLive = () => new Date(Date.now() + 3_600_000).toISOString();

async function start(api: Api, templateId: string, rehearsal: boolean) {
  const res = await api.post('/api/deployments', {
    templateId,
    name: rehearsal ? 'Dry run' : 'Checkout 3.1',
    goLiveAt: goLive(),
    rehearsal,
  });
  expect(res.status).toBe(201);
  expect(res.body.rehearsal).toBe(rehearsal);
  return res.body.id as string;
}

async function startFirstPhase(api: Api, id: string): Promise<Phase> {
  expect((await api.post(`/api/deployments/${id}/transitions`, { to: 'preflight' })).status).toBe(200);
  const phases = (await api.get(`/api/deployments/${id}`)).body.phases as Phase[];
  expect((await api.post(`/api/deployments/${id}/phases/${phases[0].id}/start`)).status).toBe(200);
  return phases[0];
}

describe('rehearsals', () => {
  it('runs like a go-live, says REHEARSAL, is timed, and global webhooks skip it unless they opt in', async () => {
    const user = await makeUser({ name: 'Rhea Rehearsal' });
    const api = http({ token: await makeToken(user.id) });
    const admin = http({ token: inject('adminToken') });
    const created = await api.post('/api/templates', { markdown: RUNBOOK, name: `Checkout ${Date.now()}` });
    expect(created.status).toBe(201);
    const templateId = created.body.id as string;

    const quiet = await admin.post('/api/webhooks', {
      url: 'https://hooks.example.com/quiet',
      eventTypes: ['phase.started'],
    });
    const loud = await admin.post('/api/webhooks', {
      url: 'https://hooks.example.com/loud',
      eventTypes: ['phase.started'],
      includeRehearsals: true,
    });
    expect([quiet.status, loud.status]).toEqual([201, 201]);
    expect(loud.body.webhook.includeRehearsals).toBe(true);
    try {
      const rehearsal = await start(api, templateId, true);
      const real = await start(api, templateId, false);
      expect((await api.get(`/api/deployments/${rehearsal}`)).body.rehearsal).toBe(true);
      const first = await startFirstPhase(api, rehearsal);
      await startFirstPhase(api, real);

      const hooksOf = async (deploymentId: string) => {
        const rows = await prisma.webhookDelivery.findMany({
          where: {
            webhookId: { in: [quiet.body.webhook.id, loud.body.webhook.id] },
            eventId: {
              in: (await prisma.event.findMany({ where: { deploymentId, type: 'phase.started' } })).map((e) => e.id),
            },
          },
        });
        return rows.map((r) => (r.webhookId === loud.body.webhook.id ? 'loud' : 'quiet')).sort();
      };
      expect(await hooksOf(rehearsal)).toEqual(['loud']);
      expect(await hooksOf(real)).toEqual(['loud', 'quiet']);

      // Through its first phase: every step done, the phase complete.
      for (const item of first.items)
        expect(
          (await api.patch(`/api/deployments/${rehearsal}/items/${item.id}`, { status: 'done', version: item.version }))
            .status,
        ).toBe(200);
      expect((await api.post(`/api/deployments/${rehearsal}/phases/${first.id}/complete`)).status).toBe(200);

      // Timed apart from the go-live (whose first phase is still running).
      const timing = await api.get(`/api/templates/${templateId}/timing`);
      expect(timing.status).toBe(200);
      expect(timing.body.phases[0].actual).toBeNull();
      expect(timing.body.runs).toBe(0);
      expect(timing.body.rehearsals.phases[0]).toMatchObject({ title: first.title, plannedDurationMin: 30 });
      expect(timing.body.rehearsals.phases[0].actual.n).toBeGreaterThanOrEqual(1);
      expect(timing.body.rehearsals.runs).toBe(1);
      const goLives = await api.get(`/api/templates/${templateId}/timing?rehearsal=false`);
      expect(goLives.body.phases[0].actual).toBeNull();
      const rehearsals = await api.get(`/api/templates/${templateId}/timing?rehearsal=true`);
      expect(rehearsals.body.phases[0].actual.n).toBe(1);
      expect(rehearsals.body.items.map((i: { title: string }) => i.title).sort()).toEqual([
        'Back up the database',
        'Freeze merges',
      ]);
      expect((await api.get(`/api/templates/${templateId}/timing?rehearsal=maybe`)).status).toBe(400);

      const report = await api.get(`/api/deployments/${rehearsal}/report.md`);
      expect(report.status).toBe(200);
      expect(String(report.body)).toContain('# Rehearsal report: Dry run');
    } finally {
      await admin.del(`/api/webhooks/${quiet.body.webhook.id}`);
      await admin.del(`/api/webhooks/${loud.body.webhook.id}`);
    }
  });
});
