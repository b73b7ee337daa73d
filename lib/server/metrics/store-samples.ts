/**
 * Writing samples: one statement per batch inserts the raw samples (duplicates of an existing
 * (series, ts) are ignored, so retries and several pollers are harmless; timestamps may come in any
 * order) and folds exactly the rows that were new into every rollup size, so a 48-hour chart reads
 * a few hundred rollup rows instead of 172 800 samples.
 */

import { ROLLUP_BUCKETS_SEC } from '@/lib/domain/metrics/downsample';
import { defaultNameFor, defaultUnitFor } from '@/lib/domain/metrics/sources';
import { MAX_SERIES_PER_DEPLOYMENT } from '@/lib/schemas/metrics';
import { prisma, type Tx } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';

export type IncomingSample = { series: string; ts: number; value: number };
export type SeriesRow = { id: string; key: string; unit: string };

type Db = Tx | typeof prisma;

/**
 * The series rows for `keys`, creating the missing ones. A unit given by the sender wins (and
 * corrects an earlier guess); otherwise the rule's or the well-known series' unit is used.
 */
export async function ensureSeries(
  db: Db,
  deploymentId: string,
  keys: readonly string[],
  units: Record<string, string> = {},
): Promise<Map<string, SeriesRow>> {
  const wanted = [...new Set(keys)];
  const existing = await db.metricSeries.findMany({
    where: { deploymentId },
    select: { id: true, key: true, unit: true },
  });
  const byKey = new Map(existing.map((s) => [s.key, s]));
  const missing = wanted.filter((key) => !byKey.has(key));
  if (missing.length) {
    if (byKey.size + missing.length > MAX_SERIES_PER_DEPLOYMENT) {
      throw new AppError(
        'invalid_body',
        `A deployment may have at most ${MAX_SERIES_PER_DEPLOYMENT} series; this batch would add ${missing.length} new ones (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}).`,
      );
    }
    const rules = await db.metricRule.findMany({
      where: { deploymentId },
      select: { series: true, comparison: true, unit: true },
    });
    const ruleDefs = rules.map((r) => ({
      series: r.series,
      comparison: r.comparison as '>' | '<',
      unit: r.unit,
      target: null,
      warn: null,
      critical: null,
      sustainSec: 0,
    }));
    await db.metricSeries.createMany({
      data: missing.map((key) => ({
        deploymentId,
        key,
        name: defaultNameFor(key),
        unit: units[key] ?? defaultUnitFor(key, ruleDefs),
      })),
      skipDuplicates: true,
    });
    // Another writer may have created some of them first: read back what is there now.
    const all = await db.metricSeries.findMany({
      where: { deploymentId, key: { in: missing } },
      select: { id: true, key: true, unit: true },
    });
    for (const s of all) byKey.set(s.key, s);
  }
  for (const [key, unit] of Object.entries(units)) {
    const row = byKey.get(key);
    if (row && row.unit !== unit && wanted.includes(key)) {
      await db.metricSeries.update({ where: { id: row.id }, data: { unit } });
      byKey.set(key, { ...row, unit });
    }
  }
  return byKey;
}

/**
 * Inserts samples and maintains the rollups in one statement. Returns how many samples were new.
 *
 * A rollup's `last` must be the value at the newest timestamp in its bucket even when samples come
 * out of order, and the table keeps no timestamp for it: the update compares the batch's newest
 * sample in the bucket with the newest one stored before this statement (a data-modifying CTE's
 * inserts are invisible to the rest of the statement, which is exactly the "before" view needed).
 */
export async function insertSamples(
  db: Db,
  rows: readonly { seriesId: string; ts: number; value: number }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.seriesId);
  const ts = rows.map((r) => r.ts);
  const values = rows.map((r) => r.value);
  const buckets = [...ROLLUP_BUCKETS_SEC];
  const result = await db.$queryRaw<{ inserted: number }[]>`
    WITH input AS (
      SELECT DISTINCT ON (sid, ms) sid, ms, v
      FROM unnest(${ids}::text[], ${ts}::float8[], ${values}::float8[]) AS t(sid, ms, v)
      ORDER BY sid, ms
    ), ins AS (
      INSERT INTO "MetricSample" ("seriesId", "ts", "value")
      SELECT sid, to_timestamp(ms / 1000.0) AT TIME ZONE 'UTC', v FROM input
      ON CONFLICT DO NOTHING
      RETURNING "seriesId", "ts", "value"
    ), agg AS (
      SELECT ins."seriesId" AS sid, w.sec,
             date_bin(make_interval(secs => w.sec), ins."ts", TIMESTAMP '1970-01-01') AS bucket,
             min(ins."value") AS mn, max(ins."value") AS mx, sum(ins."value") AS sm, count(*)::int AS cnt,
             (array_agg(ins."value" ORDER BY ins."ts" DESC))[1] AS lst
      FROM ins CROSS JOIN unnest(${buckets}::int[]) AS w(sec)
      GROUP BY 1, 2, 3
    ), up AS (
      INSERT INTO "MetricRollup" ("seriesId", "bucketSec", "bucket", "min", "max", "sum", "count", "last")
      SELECT sid, sec, bucket, mn, mx, sm, cnt, lst FROM agg
      -- One lock order for every writer: concurrent pushes to one series cannot deadlock.
      ORDER BY sid, sec, bucket
      ON CONFLICT ("seriesId", "bucketSec", "bucket") DO UPDATE SET
        "min" = LEAST("MetricRollup"."min", EXCLUDED."min"),
        "max" = GREATEST("MetricRollup"."max", EXCLUDED."max"),
        "sum" = "MetricRollup"."sum" + EXCLUDED."sum",
        "count" = "MetricRollup"."count" + EXCLUDED."count",
        "last" = CASE
          WHEN (SELECT max(i."ts") FROM ins i
                WHERE i."seriesId" = EXCLUDED."seriesId" AND i."ts" >= EXCLUDED."bucket"
                  AND i."ts" < EXCLUDED."bucket" + make_interval(secs => EXCLUDED."bucketSec"))
             > COALESCE((SELECT max(m."ts") FROM "MetricSample" m
                WHERE m."seriesId" = EXCLUDED."seriesId" AND m."ts" >= EXCLUDED."bucket"
                  AND m."ts" < EXCLUDED."bucket" + make_interval(secs => EXCLUDED."bucketSec")), TIMESTAMP '-infinity')
          THEN EXCLUDED."last" ELSE "MetricRollup"."last" END
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins)::int AS inserted, (SELECT count(*) FROM up)::int AS rollups`;
  return result[0]?.inserted ?? 0;
}

/** Series rows plus samples in one go: what push, the simulator and the poller all call. */
export async function storeSamples(
  deploymentId: string,
  samples: readonly IncomingSample[],
  units: Record<string, string> = {},
  db: Db = prisma,
): Promise<{ inserted: number; series: Map<string, SeriesRow> }> {
  const series = await ensureSeries(
    db,
    deploymentId,
    samples.map((s) => s.series),
    units,
  );
  const rows = samples.map((s) => ({ seriesId: series.get(s.series)!.id, ts: Math.round(s.ts), value: s.value }));
  const inserted = await insertSamples(db, rows);
  return { inserted, series };
}
