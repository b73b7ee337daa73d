import { describe, expect, inject, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { http } from '../support/http';
import { CHECKOUT_RUNBOOK } from '../support/runbooks';

const RUNBOOK = CHECKOUT_RUNBOOK;

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

  it('an admin turns a global webhook’s rehearsal opt-in on and off from its settings', async () => {
    const user = await makeUser({ name: 'Otto Opt-in' });
    const api = http({ token: await makeToken(user.id) });
    const admin = http({ token: inject('adminToken') });
    const templateId = (await api.post('/api/templates', { markdown: RUNBOOK, name: `Opt-in ${Date.now()}` })).body
      .id as string;
    const hook = (
      await admin.post('/api/webhooks', { url: 'https://hooks.example.com/opt-in', eventTypes: ['phase.started'] })
    ).body.webhook as { id: string; includeRehearsals: boolean };
    expect(hook.includeRehearsals).toBe(false);
    try {
      const on = await admin.put(`/api/webhooks/${hook.id}/rehearsals`, { includeRehearsals: true });
      expect(on.status).toBe(200);
      expect(on.body.webhook).toMatchObject({ id: hook.id, includeRehearsals: true });
      const listed = (await admin.get('/api/webhooks')).body.webhooks.find((w: { id: string }) => w.id === hook.id);
      expect(listed.includeRehearsals).toBe(true);

      // Now it hears a rehearsal.
      const rehearsal = await start(api, templateId, true);
      await startFirstPhase(api, rehearsal);
      const started = await prisma.event.findFirstOrThrow({
        where: { deploymentId: rehearsal, type: 'phase.started' },
      });
      expect(await prisma.webhookDelivery.count({ where: { webhookId: hook.id, eventId: started.id } })).toBe(1);

      const off = await admin.put(`/api/webhooks/${hook.id}/rehearsals`, { includeRehearsals: false });
      expect(off.body.webhook.includeRehearsals).toBe(false);

      // Bad input changes nothing; a deployment's own webhook has no opt-in to set.
      const bad = await admin.put(`/api/webhooks/${hook.id}/rehearsals`, { includeRehearsals: 'yes' });
      expect([bad.status, bad.body.error.code]).toEqual([422, 'invalid_body']);
      expect((await prisma.webhook.findUniqueOrThrow({ where: { id: hook.id } })).includeRehearsals).toBe(false);
      const own = await api.post(`/api/deployments/${rehearsal}/webhooks`, {
        url: 'https://hooks.example.com/own',
        eventTypes: ['phase.started'],
      });
      expect(own.status).toBe(201);
      const notGlobal = await admin.put(`/api/webhooks/${own.body.webhook.id}/rehearsals`, { includeRehearsals: true });
      expect([notGlobal.status, notGlobal.body.error.code]).toEqual([404, 'not_found']);
      expect((await admin.put('/api/webhooks/nope/rehearsals', { includeRehearsals: true })).status).toBe(404);
    } finally {
      await admin.del(`/api/webhooks/${hook.id}`);
    }
  });
});
