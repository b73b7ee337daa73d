/**
 * Retention: raw samples are kept for METRICS_RAW_RETENTION_DAYS (default 14), rollups for good —
 * a report months later still charts the whole go-live from its 1-minute and 5-minute buckets.
 */

import { prisma } from '@/lib/server/db';
import { env } from '@/lib/server/env';

export function rawRetentionMs(): number {
  return env().METRICS_RAW_RETENTION_DAYS * 86_400_000;
}

/** Deletes raw samples older than the retention window, in slices so no lock is held for long. */
export async function pruneSamples(now = Date.now(), sliceSize = 50_000): Promise<number> {
  const cutoff = now - rawRetentionMs();
  let total = 0;
  for (;;) {
    const deleted = await prisma.$executeRaw`
      DELETE FROM "MetricSample" WHERE ctid IN (
        SELECT ctid FROM "MetricSample" WHERE "ts" < (to_timestamp(${cutoff} / 1000.0) AT TIME ZONE 'UTC') LIMIT ${sliceSize}
      )`;
    total += deleted;
    if (deleted < sliceSize) return total;
  }
}
