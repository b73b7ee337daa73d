import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { pruneSamples } from '@/lib/server/metrics/prune-samples';
import { storeSamples } from '@/lib/server/metrics/store-samples';
import { makeToken } from '@/lib/server/seed/factories';
import { makeCrew } from '../support/crew';
import { http } from '../support/http';
import { repeat, run, sampleCount } from '../support/metrics';

describe('POST /api/deployments/:id/metrics — who may push', () => {
  it('accepts the IC, a role holder and a metrics-only token, answering 202 with the count', async () => {
    const crew = await makeCrew();
    const path = `/api/deployments/${crew.deployment.id}/metrics`;
    const now = Date.now();
    const ic = await http({ token: crew.tokens.ic }).post(path, {
      samples: [{ series: 'error_rate', ts: now - 2000, value: 0.3 }],
    });
    expect(ic.status).toBe(202);
    expect(ic.body).toMatchObject({ accepted: 1, duplicates: 0 });
    const dba = await http({ token: crew.tokens.dba }).post(path, {
      samples: [{ series: 'error_rate', ts: new Date(now - 1000).toISOString(), value: 0.4 }],
    });
    expect(dba.status).toBe(202);
    const pushOnly = await makeToken(crew.people.dba.id, ['metrics:push'], crew.deployment.id);
    const pushed = await http({ token: pushOnly }).post(path, {
      samples: [{ series: 'error_rate', ts: now, value: 0.5 }],
    });
    expect(pushed.status).toBe(202);
    expect(await sampleCount(crew.deployment.id)).toBe(3);
  });

  it('lets a metrics-only token do nothing else: no ticks, no reads', async () => {
    const crew = await makeCrew();
    const pushOnly = await makeToken(crew.people.dba.id, ['metrics:push'], crew.deployment.id);
    const item = crew.itemOf('dba');
    const tick = await http({ token: pushOnly }).patch(`/api/deployments/${crew.deployment.id}/items/${item.id}`, {
      status: 'done',
      version: item.version,
    });
    expect(tick.status).toBe(403);
    expect((await http({ token: pushOnly }).get(`/api/deployments/${crew.deployment.id}`)).status).toBe(403);
    expect(
      (await http({ token: pushOnly }).put(`/api/deployments/${crew.deployment.id}/rules`, { rules: [] })).status,
    ).toBe(403);
  });

  it('refuses a token limited to another deployment, a stakeholder, an outsider (403) and nobody (401)', async () => {
    const crew = await makeCrew();
    const other = await makeCrew();
    const path = `/api/deployments/${crew.deployment.id}/metrics`;
    const body = { samples: [{ series: 'error_rate', ts: Date.now(), value: 1 }] };
    const elsewhere = await makeToken(crew.people.ic.id, ['metrics:push'], other.deployment.id);
    for (const token of [elsewhere, crew.tokens.stakeholder, crew.tokens.outsider]) {
      const res = await http({ token }).post(path, body);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await http().post(path, body)).status).toBe(401);
    expect(await sampleCount(crew.deployment.id)).toBe(0);
  });
});

describe('POST /api/deployments/:id/metrics — bad input changes nothing', () => {
  it('answers 422 for malformed batches and writes neither samples nor series', async () => {
    const crew = await makeCrew();
    const api = http({ token: crew.tokens.ic });
    const path = `/api/deployments/${crew.deployment.id}/metrics`;
    const now = Date.now();
    const good = { series: 'error_rate', ts: now, value: 1 };
    const bodies: unknown[] = [
      '{not json',
      {},
      { samples: [] },
      { samples: [good, { series: 'error rate!', ts: now, value: 1 }] },
      { samples: [good, { series: 'cpu', ts: now, value: 'high' }] },
      { samples: [good, { series: 'cpu', ts: Math.floor(now / 1000), value: 1 }] },
      { samples: [good, { series: 'cpu', ts: 'yesterday', value: 1 }] },
      { samples: [good, { series: 'cpu', ts: now + 3_600_000, value: 1 }] },
    ];
    for (const body of bodies) {
      const res = await api.post(path, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe('invalid_body');
    }
    const seconds = await api.post(path, { samples: [{ series: 'cpu', ts: 1_767_225_600, value: 1 }] });
    expect(seconds.body.error.message).toMatch(/seconds/);
    const future = await api.post(path, { samples: [{ series: 'cpu', ts: now + 3_600_000, value: 1 }] });
    expect(future.body.error.message).toMatch(/future/);
    expect(await sampleCount(crew.deployment.id)).toBe(0);
    expect(await prisma.metricSeries.count({ where: { deploymentId: crew.deployment.id } })).toBe(0);
  });

  it('limits a batch to 5 000 samples (422) and the body to 1 MB (413)', async () => {
    const crew = await makeCrew();
    const api = http({ token: crew.tokens.ic });
    const path = `/api/deployments/${crew.deployment.id}/metrics`;
    const end = Date.now();
    const tooMany = await api.post(path, { samples: run('cpu', repeat(40, 5001), end, 10) });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.message).toMatch(/5000/);
    const huge = await api.post(path, {
      samples: [{ series: 'cpu', ts: end, value: 1 }],
      padding: 'x'.repeat(1_100_000),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    const exactly = await api.post(path, { samples: run('cpu', repeat(40, 5000), end, 10) });
    expect(exactly.status).toBe(202);
    expect(exactly.body.accepted).toBe(5000);
    expect(await sampleCount(crew.deployment.id)).toBe(5000);
  });

  it('refuses more than 50 series per deployment', async () => {
    const crew = await makeCrew();
    const now = Date.now();
    const samples = Array.from({ length: 51 }, (_, i) => ({ series: `s${i}`, ts: now, value: i }));
    const res = await http({ token: crew.tokens.ic }).post(`/api/deployments/${crew.deployment.id}/metrics`, {
      samples,
    });
    expect(res.status).toBe(422);
    expect(await prisma.metricSeries.count({ where: { deploymentId: crew.deployment.id } })).toBe(0);
  });
});

describe('samples: order, duplicates and rollups', () => {
  it('stores out-of-order samples in time order, ignores duplicates and keeps rollups exact', async () => {
    const crew = await makeCrew();
    const api = http({ token: crew.tokens.ic });
    const path = `/api/deployments/${crew.deployment.id}/metrics`;
    const base = Math.floor(Date.now() / 10_000) * 10_000 - 60_000; // start of a 10 s bucket, a minute ago
    const first = await api.post(path, {
      samples: [
        { series: 'p95_latency', ts: base + 7000, value: 700 },
        { series: 'p95_latency', ts: base + 2000, value: 200 },
        { series: 'p95_latency', ts: base + 9000, value: 900 },
      ],
    });
    expect(first.status).toBe(202);
    // Late sample, older than the newest: it is stored but must not become the bucket's `last`.
    const late = await api.post(path, {
      samples: [
        { series: 'p95_latency', ts: base + 1000, value: 100 },
        { series: 'p95_latency', ts: base + 7000, value: 777 },
      ],
    });
    expect(late.body).toMatchObject({ accepted: 2, duplicates: 1 });

    const chart = await api.get(`${path}?series=p95_latency&from=${base}&to=${base + 10_000}`);
    expect(chart.status).toBe(200);
    expect(chart.body.bucketSec).toBe(0);
    expect(chart.body.series).toHaveLength(1);
    expect(chart.body.series[0].points).toEqual([
      { ts: base + 1000, value: 100 },
      { ts: base + 2000, value: 200 },
      { ts: base + 7000, value: 700 },
      { ts: base + 9000, value: 900 },
    ]);
    expect(chart.body.series[0].last).toEqual({ ts: base + 9000, value: 900 });

    const series = await prisma.metricSeries.findFirstOrThrow({
      where: { deploymentId: crew.deployment.id, key: 'p95_latency' },
    });
    const bucket = await prisma.metricRollup.findUniqueOrThrow({
      where: { seriesId_bucketSec_bucket: { seriesId: series.id, bucketSec: 10, bucket: new Date(base) } },
    });
    expect(bucket).toMatchObject({ min: 100, max: 900, sum: 1900, count: 4, last: 900 });
    // A newer sample in the same bucket does move `last`.
    await api.post(path, { samples: [{ series: 'p95_latency', ts: base + 9500, value: 950 }] });
    const moved = await prisma.metricRollup.findUniqueOrThrow({
      where: { seriesId_bucketSec_bucket: { seriesId: series.id, bucketSec: 10, bucket: new Date(base) } },
    });
    expect(moved).toMatchObject({ count: 5, last: 950, max: 950 });
  });

  it('charts 48 hours from rollups with a bounded number of points, keeping a one-sample spike', async () => {
    const crew = await makeCrew();
    const end = Math.floor(Date.now() / 1000) * 1000;
    const start = end - 48 * 3_600_000;
    // One sample every 10 s for 48 h (17 280), one spike in the middle.
    const samples = Array.from({ length: 17_280 }, (_, i) => ({
      series: 'error_rate',
      ts: start + i * 10_000,
      value: i === 9000 ? 42 : 0.5,
    }));
    for (let i = 0; i < samples.length; i += 5000) await storeSamples(crew.deployment.id, samples.slice(i, i + 5000));
    const api = http({ token: crew.tokens.stakeholder });
    const path = `/api/deployments/${crew.deployment.id}/metrics?series=error_rate`;

    const whole = await api.get(`${path}&from=${start}&to=${end}`);
    expect(whole.status).toBe(200);
    expect(whole.body.bucketSec).toBe(300);
    const points = whole.body.series[0].points;
    expect(points.length).toBeGreaterThan(500);
    expect(points.length).toBeLessThanOrEqual(1000);
    expect(Math.max(...points.map((p: { max: number }) => p.max))).toBe(42);

    const twoHours = await api.get(`${path}&from=${end - 2 * 3_600_000}&to=${end}`);
    expect(twoHours.body.bucketSec).toBe(10);
    expect(twoHours.body.series[0].points.length).toBeLessThanOrEqual(1000);

    const live = await api.get(`${path}&from=${end - 15 * 60_000}`);
    expect(live.body.bucketSec).toBe(0);
    expect(live.body.series[0].points.length).toBe(90);

    const all = await api.get(path);
    expect(all.body.from).toBe(start);
    expect(all.body.series[0].points.length).toBeLessThanOrEqual(1000);
  });

  it('prunes raw samples past retention while the rollups keep charting', async () => {
    const crew = await makeCrew();
    const old = Date.now() - 20 * 86_400_000;
    await storeSamples(crew.deployment.id, run('cpu', [10, 20, 30], old, 1000));
    expect(await sampleCount(crew.deployment.id)).toBe(3);
    await pruneSamples();
    expect(await sampleCount(crew.deployment.id)).toBe(0);
    const chart = await http({ token: crew.tokens.ic }).get(
      `/api/deployments/${crew.deployment.id}/metrics?series=cpu&from=${old - 3_600_000}&to=${old + 3_600_000}`,
    );
    expect(chart.body.bucketSec).toBe(10);
    expect(chart.body.series[0].points.length).toBeGreaterThanOrEqual(1);
    expect(Math.min(...chart.body.series[0].points.map((p: { min: number }) => p.min))).toBe(10);
    expect(Math.max(...chart.body.series[0].points.map((p: { max: number }) => p.max))).toBe(30);
  });

  it('answers 422 for a bad query and lets only participants read', async () => {
    const crew = await makeCrew();
    const path = `/api/deployments/${crew.deployment.id}/metrics`;
    expect(
      (await http({ token: crew.tokens.ic }).get(`${path}?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z`)).status,
    ).toBe(422);
    expect((await http({ token: crew.tokens.ic }).get(`${path}?series=bad%20key`)).status).toBe(422);
    expect((await http({ token: crew.tokens.stakeholder }).get(path)).status).toBe(200);
    expect((await http({ token: crew.tokens.outsider }).get(path)).status).toBe(403);
  });
});
