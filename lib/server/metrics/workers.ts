/**
 * The metrics background work of this process, registered with lib/server/background.ts (server.ts
 * imports this module before starting background work):
 * - the simulator, one tick per whole second;
 * - the Prometheus poller, checking every 250 ms which sources are due;
 * - the health tick, re-judging open deployments every few seconds so a series that went quiet
 *   is reported stale even when nothing else happens;
 * - retention, hourly.
 * Timers are unref'd and each stop waits for the tick in flight.
 */

import { TERMINAL_STATES } from '@/lib/domain/deployment-state';
import type { BackgroundWorker } from '@/lib/server/background';
import { env } from '@/lib/server/env';
import { logger } from '@/lib/server/logger';
import { pruneExpired } from '@/lib/server/retention';
import { sql } from '@/lib/server/sql';
import { evaluationsSettled, requestEvaluation } from './health-scheduler';
import { dueSources, pollPrometheusSource } from './poll-prometheus';
import { simulatorTick } from './run-simulator';

type Loop = { stop: () => Promise<void> };

/** Runs `tick` after each `delay()`; never overlapping itself; errors are logged, not fatal. */
function loop(name: string, delay: () => number, tick: () => Promise<unknown>): Loop {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((error) => logger.error(`${name}.failed`, { error: String((error as Error)?.message ?? error) }))
        .finally(() => {
          running = null;
          schedule();
        });
    }, delay());
    timer.unref?.();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

const inFlightPolls = new Set<string>();

async function pollDue() {
  const sources = await dueSources(Date.now());
  for (const source of sources) {
    if (inFlightPolls.has(source.id)) continue;
    inFlightPolls.add(source.id);
    // Sources are polled side by side: one slow Prometheus must not delay another deployment's.
    void pollPrometheusSource(source)
      .catch((error) =>
        logger.error('prometheus.poll_crashed', {
          sourceId: source.id,
          error: String((error as Error)?.message ?? error),
        }),
      )
      .finally(() => inFlightPolls.delete(source.id));
  }
}

/**
 * Open deployments that are being watched: an active source, or a sample in the last day. One
 * abandoned years ago is left alone rather than re-judged every few seconds forever.
 */
async function healthTick() {
  const rows = await sql<{ id: string }>`
    SELECT d."id" FROM "Deployment" d
    WHERE d."state"::text <> ALL(${TERMINAL_STATES}::text[])
      AND (
        EXISTS (SELECT 1 FROM "MetricSource" src WHERE src."deploymentId" = d."id" AND src."active")
        OR EXISTS (
          SELECT 1 FROM "MetricSeries" s
          WHERE s."deploymentId" = d."id"
            AND EXISTS (SELECT 1 FROM "MetricSample" m WHERE m."seriesId" = s."id" AND m."ts" > (now() AT TIME ZONE 'UTC') - interval '1 day')
        )
      )`;
  for (const row of rows) await requestEvaluation(row.id);
}

/** Metric polling, the simulator, health evaluation and retention: started by server.ts. */
export const metricsWorker: BackgroundWorker = {
  name: 'metrics',
  start: async () => {
    const loops = [
      // Just past each whole second, so the sample's second is the one that just began.
      loop(
        'simulator',
        () => 1000 - (Date.now() % 1000) + 20,
        () => simulatorTick(Date.now()),
      ),
      loop('prometheus', () => 250, pollDue),
      loop('health', () => env().METRICS_HEALTH_TICK_MS, healthTick),
      // Retention of every kind (samples, idempotency records, webhook deliveries) rides this loop.
      loop(
        'retention',
        () => env().METRICS_RETENTION_TICK_MS,
        () => pruneExpired(),
      ),
    ];
    return async () => {
      await Promise.all(loops.map((l) => l.stop()));
      // Polls run detached from their loop; let the ones in flight finish writing.
      for (let i = 0; i < 50 && inFlightPolls.size > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      await evaluationsSettled();
    };
  },
};
