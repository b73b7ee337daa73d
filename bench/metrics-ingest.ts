/**
 * Metrics at go-live scale: how many samples per second go into PostgreSQL through the ingest path
 * (series lookup, bulk insert, all four rollups, health evaluation), how fast the push API takes
 * them over HTTP, and how long charting a 48-hour deployment takes — the issue asks for under a
 * second. Creates its own scratch database and server (DATABASE_URL must point at PostgreSQL).
 *
 * Knobs: BENCH_METRICS_HOURS (default 48), BENCH_METRICS_SERIES (default 6, max 6 simulated
 * series), BENCH_METRICS_PUSH_SAMPLES (default 200 000).
 */
import { DEFAULT_SERIES } from '../lib/domain/metrics/default-series';
import { simulateSamples } from '../lib/domain/metrics/simulator';
import { recordSamples } from '../lib/server/metrics/ingest-samples';
import { makeDeployment, makeToken, makeUser } from '../lib/server/seed/factories';
import { benchServer, percentile, round, type BenchResult } from './lib/harness';

const BATCH = 5000;

function history(seriesKeys: readonly string[], start: number, seconds: number) {
  const out: { series: string; ts: number; value: number }[] = [];
  for (let s = 0; s < seconds; s++) {
    const at = start + s * 1000;
    for (const v of simulateSamples({ scenario: 'healthy', seriesKeys, startedAt: start, at }))
      out.push({ series: v.series, ts: at, value: v.value });
  }
  return out;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await fn();
  return [result, performance.now() - t0];
}

export async function run(): Promise<BenchResult[]> {
  const hours = Number(process.env.BENCH_METRICS_HOURS ?? 48);
  const seriesCount = Math.min(DEFAULT_SERIES.length, Number(process.env.BENCH_METRICS_SERIES ?? 6));
  const pushTotal = Number(process.env.BENCH_METRICS_PUSH_SAMPLES ?? 200_000);
  const server = await benchServer();
  try {
    const ic = await makeUser({ name: 'Bench IC' });
    const token = await makeToken(ic.id);
    const deployment = await makeDeployment({ name: 'bench-metrics', people: { ic: [ic.id] } });
    const keys = DEFAULT_SERIES.slice(0, seriesCount).map((s) => s.key);
    const end = Math.floor(Date.now() / 1000) * 1000;
    const seconds = hours * 3600;
    const start = end - seconds * 1000;

    // 1. In-process ingest: three writers, each owning a share of the series, oldest data first.
    const writers = [0, 1, 2].map((w) => keys.filter((_, i) => i % 3 === w)).filter((k) => k.length);
    const perWriter = writers.map((k) => history(k, start, seconds));
    const total = perWriter.reduce((n, list) => n + list.length, 0);
    const [, ingestMs] = await timed(() =>
      Promise.all(
        perWriter.map(async (samples) => {
          for (let i = 0; i < samples.length; i += BATCH)
            await recordSamples(deployment.id, samples.slice(i, i + BATCH), {}, { awaitHealth: true });
        }),
      ),
    );

    // 2. Charting the whole deployment over HTTP, as the IC's "whole deployment" view asks for it.
    const chartUrl = `${server.baseUrl}/api/deployments/${deployment.id}/metrics?from=${start}&to=${end}`;
    const chartTimes: number[] = [];
    let points = 0;
    let bucketSec = 0;
    for (let i = 0; i < 7; i++) {
      const [body, ms] = await timed(
        async () =>
          (await fetch(chartUrl, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<{
            bucketSec: number;
            series: { points: unknown[] }[];
          }>,
      );
      chartTimes.push(ms);
      points = Math.max(...body.series.map((s) => s.points.length));
      bucketSec = body.bucketSec;
    }
    const firstChartMs = chartTimes[0];
    const warm = chartTimes.slice(1).sort((a, b) => a - b);

    // 3. The push API: HTTP batches of 5 000 from four concurrent senders (fresh series, recent times).
    const pushKeys = ['push_a', 'push_b', 'push_c', 'push_d'];
    const pushSeconds = Math.ceil(pushTotal / pushKeys.length);
    const pushStart = end - pushSeconds * 1000;
    const [, pushMs] = await timed(() =>
      Promise.all(
        pushKeys.map(async (key) => {
          const samples = Array.from({ length: pushSeconds }, (_, s) => ({
            series: key,
            ts: pushStart + s * 1000,
            value: 50 + (s % 17),
          }));
          for (let i = 0; i < samples.length; i += BATCH) {
            const response = await fetch(`${server.baseUrl}/api/deployments/${deployment.id}/metrics`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ samples: samples.slice(i, i + BATCH) }),
            });
            if (response.status !== 202) throw new Error(`push answered ${response.status}: ${await response.text()}`);
          }
        }),
      ),
    );

    return [
      {
        name: 'metrics-ingest',
        samples: total,
        series: seriesCount,
        hours,
        seconds: round(ingestMs / 1000),
        samplesPerSec: Math.round(total / (ingestMs / 1000)),
        batch: BATCH,
        writers: writers.length,
      },
      {
        name: 'metrics-push-http',
        samples: pushSeconds * pushKeys.length,
        samplesPerSec: Math.round((pushSeconds * pushKeys.length) / (pushMs / 1000)),
        batch: BATCH,
        senders: pushKeys.length,
      },
      {
        name: 'metrics-chart-48h',
        chart48hMs: round(percentile(warm, 50)),
        firstChartMs: round(firstChartMs),
        p95Ms: round(percentile(warm, 95)),
        seriesCharted: seriesCount,
        pointsPerSeries: points,
        bucketSec,
        underOneSecond: percentile(warm, 95) < 1000,
      },
    ];
  } finally {
    await server.stop();
  }
}
