/**
 * One poll of one Prometheus source: every configured query at the same evaluation time, the
 * readings stored as samples, and the source's health recorded. The evaluation time is aligned to
 * the interval, so several app processes polling the same source write the same (series, ts) and
 * the duplicates fall away on insert.
 */

import { TERMINAL_STATES } from '@/lib/domain/deployment-state';
import { pollIntervalSec } from '@/lib/domain/metrics/sources';
import { checkOutboundUrl } from '@/lib/server/egress';
import { commit } from '@/lib/server/events/commit';
import { logger } from '@/lib/server/logger';
import { sql } from '@/lib/server/sql';
import type { StoredPrometheusConfig } from './configure-prometheus';
import { recordSamples } from './ingest-samples';
import { queryPrometheus } from './prometheus-client';

export type PrometheusSourceRow = { id: string; deploymentId: string; healthy: boolean; config: unknown };

const MAX_TIMEOUT_MS = 10_000;

export function timeoutFor(config: StoredPrometheusConfig): number {
  return config.timeoutMs ?? Math.min(MAX_TIMEOUT_MS, Math.max(500, pollIntervalSec(config) * 1000));
}

/** Records a health change of the source; the flip (not every failed poll) goes to the timeline. */
async function recordHealth(source: PrometheusSourceRow, at: Date, error: string | null) {
  const healthy = error === null;
  await commit(async (tx, append) => {
    const flipped = await tx.metricSource.updateMany({
      where: { id: source.id, healthy: !healthy },
      data: { healthy, lastError: error, lastPolledAt: at },
    });
    if (flipped.count === 0) {
      await tx.metricSource.update({ where: { id: source.id }, data: { lastError: error, lastPolledAt: at } });
      return;
    }
    await append({
      deploymentId: source.deploymentId,
      type: 'metrics.source_changed',
      actorId: null,
      actorName: null,
      roleKey: null,
      data: {
        kind: 'prometheus',
        sourceId: source.id,
        healthy,
        error,
        summary: healthy ? 'Prometheus answers again' : `Prometheus is failing: ${error}`,
      },
    });
  });
}

export async function pollPrometheusSource(
  source: PrometheusSourceRow,
  now = Date.now(),
): Promise<{ samples: number; error: string | null }> {
  const config = source.config as StoredPrometheusConfig;
  const intervalMs = pollIntervalSec(config) * 1000;
  const at = Math.floor(now / intervalMs) * intervalMs;
  const entries = Object.entries(config.queries ?? {});
  // A target the egress guard refuses outright (an address literal) is one error, not one per query.
  const target = checkOutboundUrl(config.baseUrl, { stage: 'connect' });
  if (!target.ok) {
    logger.warn('prometheus.poll_refused', { sourceId: source.id, error: target.runtimeMessage });
    await recordHealth(source, new Date(now), target.runtimeMessage);
    return { samples: 0, error: target.runtimeMessage };
  }
  const readings = await Promise.all(
    entries.map(([, q]) => queryPrometheus(config.baseUrl, q.query, at, timeoutFor(config))),
  );
  const samples: { series: string; ts: number; value: number }[] = [];
  const errors: string[] = [];
  readings.forEach((reading, i) => {
    const [series] = entries[i];
    if (!reading.ok) errors.push(`${series}: ${reading.error}`);
    else if (reading.value !== null) samples.push({ series, ts: at, value: reading.value });
  });
  if (samples.length) {
    const units = Object.fromEntries(
      entries.filter(([, q]) => q.unit !== undefined).map(([key, q]) => [key, q.unit as string]),
    );
    await recordSamples(source.deploymentId, samples, units);
  }
  const error = errors.length ? errors.join('; ').slice(0, 1000) : null;
  if (error) logger.warn('prometheus.poll_failed', { sourceId: source.id, error });
  await recordHealth(source, new Date(now), error);
  return { samples: samples.length, error };
}

/**
 * Active Prometheus sources of open deployments whose interval has come round. Asked four times a
 * second whatever happens, so it is one plain statement rather than a Prisma query (whose engine
 * costs ~1.3 ms of CPU per generated query: docs/performance.md).
 */
export async function dueSources(now = Date.now()): Promise<PrometheusSourceRow[]> {
  const rows = await sql<PrometheusSourceRow & { lastPolledAt: Date | null }>`
    SELECT src."id", src."deploymentId", src."healthy", src."config", src."lastPolledAt"
    FROM "MetricSource" src JOIN "Deployment" d ON d."id" = src."deploymentId"
    WHERE src."kind" = 'prometheus' AND src."active"
      AND d."state"::text <> ALL(${TERMINAL_STATES}::text[])`;
  return rows.filter((row) => {
    // Never more often than the source's query count allows (lib/domain/metrics/sources.ts).
    const intervalMs = pollIntervalSec(row.config) * 1000;
    // Slack of a tenth of the interval so a poll that fired a little early is not skipped a round.
    return !row.lastPolledAt || now - row.lastPolledAt.getTime() >= intervalMs * 0.9;
  });
}
