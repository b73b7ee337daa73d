/**
 * The simulator's tick: for every running scenario, one sample per series at the current whole
 * second. Values depend only on (seed, scenario, series, seconds since start), and the timestamp is
 * the whole second, so two app processes ticking the same second write identical rows and the
 * duplicate is ignored on insert.
 */

import { TERMINAL_STATES } from '@/lib/domain/deployment-state';
import { DEFAULT_SERIES } from '@/lib/domain/metrics/default-series';
import { isScenario, simulateSamples } from '@/lib/domain/metrics/simulator';
import { logger } from '@/lib/server/logger';
import { sql } from '@/lib/server/sql';
import { recordSamples } from './ingest-samples';

type SimulatorConfig = { scenario?: unknown; startedAt?: unknown; seed?: unknown };

export async function simulatorTick(now = Date.now()): Promise<number> {
  // Every second, whatever happens: one plain statement, not Prisma's per-query engine work.
  const sources = await sql<{
    id: string;
    deploymentId: string;
    config: unknown;
    createdAt: Date;
    ruleSeries: string[];
  }>`
    SELECT src."id", src."deploymentId", src."config", src."createdAt",
      ARRAY(SELECT r."series" FROM "MetricRule" r WHERE r."deploymentId" = src."deploymentId") AS "ruleSeries"
    FROM "MetricSource" src JOIN "Deployment" d ON d."id" = src."deploymentId"
    WHERE src."kind" = 'simulator' AND src."active"
      AND d."state"::text <> ALL(${TERMINAL_STATES}::text[])`;
  const at = Math.floor(now / 1000) * 1000;
  let written = 0;
  await Promise.all(
    sources.map(async (source) => {
      const config = (source.config ?? {}) as SimulatorConfig;
      const scenario = isScenario(config.scenario) ? config.scenario : 'healthy';
      const startedAt = typeof config.startedAt === 'number' ? config.startedAt : source.createdAt.getTime();
      const seed = typeof config.seed === 'number' || typeof config.seed === 'string' ? config.seed : 1;
      // The standard series plus whatever the deployment's rules watch, so every rule gets data.
      const seriesKeys = [...new Set([...DEFAULT_SERIES.map((s) => s.key), ...source.ruleSeries])];
      const samples = simulateSamples({ scenario, seriesKeys, startedAt, at, seed }).map((s) => ({ ...s, ts: at }));
      try {
        await recordSamples(source.deploymentId, samples);
        written += samples.length;
      } catch (error) {
        logger.error('simulator.tick_failed', {
          sourceId: source.id,
          error: String((error as Error)?.message ?? error),
        });
      }
    }),
  );
  return written;
}
