import { describe, expect, it } from 'vitest';
import { makeCrew } from '../support/crew';
import { http } from '../support/http';
import { eventsOfType, repeat, run } from '../support/metrics';
import { connect, connected, subscribe } from '../support/socket';

describe('health: level changes and acknowledgements are events', () => {
  it('moves to level 3 with one health.level_changed event, says why, and comes back with one more', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const api = http({ token: crew.tokens.ic });
    const path = `/api/deployments/${id}/metrics`;
    const t = Date.now();

    const calm = await api.post(path, { samples: run('error_rate', repeat(0.4, 10), t - 60_000) });
    expect(calm.body.health).toMatchObject({ level: 1, changed: false });

    const bad = await api.post(path, { samples: run('error_rate', repeat(24, 40), t - 20_000) });
    expect(bad.body.health).toMatchObject({ level: 3, changed: true });
    const more = await api.post(path, { samples: run('error_rate', repeat(25, 5), t - 15_000) });
    expect(more.body.health).toMatchObject({ level: 3, changed: false });

    const changes = await eventsOfType(id, 'health.level_changed');
    expect(changes).toHaveLength(1);
    expect(changes[0].payload).toMatchObject({ level: 3, previousLevel: 1, title: 'Roll back now' });
    expect((changes[0].payload as { reasons: string[] }).reasons[0]).toBe('error rate 24 % > 10 % for 39 s');

    const state = await api.get(`/api/deployments/${id}`);
    expect(state.body.health).toMatchObject({ level: 3, acknowledgedLevel: 0 });
    expect(state.body.health.reasons[0]).toBe('error rate 25 % > 10 % for 44 s');
    // The template's rules watch latency and CPU too: no data there is reported, never taken as healthy.
    expect(state.body.health.stale).toEqual(expect.arrayContaining(['p95_latency', 'cpu']));

    const recovered = await api.post(path, { samples: run('error_rate', repeat(0.5, 40), t + 25_000) });
    expect(recovered.body.health).toMatchObject({ level: 1, changed: true });
    const after = await eventsOfType(id, 'health.level_changed');
    expect(after).toHaveLength(2);
    expect(after[1].payload).toMatchObject({ level: 1, previousLevel: 3, title: 'Keep going' });
  });

  it('lets only the IC acknowledge, the level they saw, once', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const ack = `/api/deployments/${id}/health/acknowledge`;
    const ic = http({ token: crew.tokens.ic });
    const nothing = await ic.post(ack, {});
    expect(nothing.status).toBe(409);

    await ic.post(`/api/deployments/${id}/metrics`, { samples: run('error_rate', repeat(5, 40), Date.now()) });
    expect((await ic.get(`/api/deployments/${id}`)).body.health.level).toBe(2);
    expect((await http({ token: crew.tokens.dba }).post(ack, { level: 2 })).status).toBe(403);
    const wrong = await ic.post(ack, { level: 3 });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.message).toMatch(/level 2/);
    expect((await ic.post(ack, { level: 4 })).status).toBe(422);

    const ok = await ic.post(ack, { level: 2 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ level: 2, acknowledgedLevel: 2, seq: expect.any(Number) });
    const again = await ic.post(ack, { level: 2 });
    expect(again.body).toMatchObject({ acknowledgedLevel: 2, seq: null });
    const events = await eventsOfType(id, 'health.acknowledged');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorName: 'Iris IC', roleKey: 'ic' });
    expect((await ic.get(`/api/deployments/${id}`)).body.health.acknowledgedLevel).toBe(2);
  });
});

describe('GET|PUT /api/deployments/:id/rules', () => {
  it("reads the runbook's rules, lets the IC replace them, and re-judges at once", async () => {
    const crew = await makeCrew();
    const path = `/api/deployments/${crew.deployment.id}/rules`;
    const read = await http({ token: crew.tokens.stakeholder }).get(path);
    expect(read.status).toBe(200);
    expect(read.body.defaults).toBe(false);
    expect(read.body.rules[0]).toMatchObject({
      id: expect.any(String),
      series: 'error_rate',
      comparison: '>',
      unit: '%',
      warn: 3,
      critical: 10,
      sustainSec: 30,
    });

    const rules = [
      {
        id: read.body.rules[0].id,
        series: 'error_rate',
        comparison: '>',
        unit: '%',
        target: 0.5,
        warn: 1,
        critical: 50,
        sustainSec: 0,
      },
      { series: 'throughput', comparison: '<', unit: 'req/s', target: 100, warn: 50, critical: 5, sustainSec: 60 },
    ];
    expect((await http({ token: crew.tokens.dba }).put(path, { rules })).status).toBe(403);
    const inverted = await http({ token: crew.tokens.ic }).put(path, {
      rules: [{ ...rules[0], warn: 10, critical: 5 }],
    });
    expect(inverted.status).toBe(422);
    expect(inverted.body.error.message).toMatch(/critical must be at or above warn/);

    await http({ token: crew.tokens.ic }).post(`/api/deployments/${crew.deployment.id}/metrics`, {
      samples: run('error_rate', repeat(2, 3), Date.now()),
    });
    const saved = await http({ token: crew.tokens.ic }).put(path, { rules });
    expect(saved.status).toBe(200);
    expect(saved.body.rules).toHaveLength(2);
    expect(saved.body.rules[0].id).toBe(read.body.rules[0].id);
    expect(saved.body.rules[1]).toMatchObject({
      series: 'throughput',
      comparison: '<',
      target: 100,
      warn: 50,
      critical: 5,
    });
    expect(saved.body.seq).toEqual(expect.any(Number));
    // 2 % is over the new 1 % warn with no sustain: the new rules judge the recent samples right away.
    expect(
      (await http({ token: crew.tokens.ic }).get(`/api/deployments/${crew.deployment.id}`)).body.health.level,
    ).toBe(2);

    const same = await http({ token: crew.tokens.ic }).put(path, { rules });
    expect(same.body.seq).toBeNull();
    expect(await eventsOfType(crew.deployment.id, 'metrics.rules_updated')).toHaveLength(1);
  });
});

describe('simulator and live stream', () => {
  it('lets the IC start and stop a scenario whose samples stream live, batched', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const ic = http({ token: crew.tokens.ic });
    expect(
      (await http({ token: crew.tokens.dba }).post(`/api/deployments/${id}/simulator`, { scenario: 'spike' })).status,
    ).toBe(403);
    expect((await ic.post(`/api/deployments/${id}/simulator`, { scenario: 'meltdown' })).status).toBe(422);

    const socket = connect({ token: crew.tokens.qa });
    await connected(socket);
    expect((await subscribe(socket, id, 0)).ok).toBe(true);
    const batches: { points: { series: string; ts: number; value: number }[] }[] = [];
    socket.on('deployment:metrics', (batch) => batches.push(batch));

    const started = await ic.post(`/api/deployments/${id}/simulator`, { scenario: 'spike' });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ scenario: 'spike' });
    await expect.poll(() => batches.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    for (const batch of batches) {
      const keys = batch.points.map((p) => p.series);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toContain('error_rate');
    }
    const sources = await http({ token: crew.tokens.stakeholder }).get(`/api/deployments/${id}/sources`);
    expect(sources.body.sources).toEqual([
      expect.objectContaining({ kind: 'simulator', active: true, scenario: 'spike' }),
    ]);
    expect(sources.body.canManage).toBe(false);
    expect(sources.body.staleAfterMs).toBe(5000);

    const stopped = await ic.del(`/api/deployments/${id}/simulator`);
    expect(stopped.body).toMatchObject({ stopped: true });
    expect((await ic.del(`/api/deployments/${id}/simulator`)).body).toMatchObject({ stopped: false });
    const changes = await eventsOfType(id, 'metrics.source_changed');
    expect(changes.map((e) => (e.payload as { summary: string }).summary)).toEqual([
      'started the “spike” metrics simulator',
      'stopped the metrics simulator',
    ]);
    socket.close();
  });

  it('sends at most one batch a second per deployment, with the newest point per series', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const socket = connect({ token: crew.tokens.dba });
    await connected(socket);
    await subscribe(socket, id, 0);
    const batches: { at: number; points: { series: string; ts: number; value: number }[] }[] = [];
    socket.on('deployment:metrics', (batch) => batches.push({ at: Date.now(), points: batch.points }));
    const api = http({ token: crew.tokens.ic });
    const t = Date.now();
    for (let i = 0; i < 5; i++) {
      await api.post(`/api/deployments/${id}/metrics`, {
        samples: [
          { series: 'cpu', ts: t - 5000 + i * 1000, value: 30 + i },
          { series: 'cpu', ts: t - 5500 + i * 1000, value: 1 },
        ],
      });
    }
    await expect.poll(() => batches.flatMap((b) => b.points).some((p) => p.value === 34), { timeout: 5000 }).toBe(true);
    for (let i = 1; i < batches.length; i++) expect(batches[i].at - batches[i - 1].at).toBeGreaterThanOrEqual(900);
    expect(batches.length).toBeLessThanOrEqual(3);
    expect(batches.every((b) => b.points.length === 1)).toBe(true);
    socket.close();
  });
});
