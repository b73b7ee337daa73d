/**
 * `GET /api/deployments/:id/metrics`: chart data with a bounded number of points per series. Short
 * ranges (≤ 15 min at 1 Hz) come from raw samples; longer ones from the rollup size that gives at
 * most ~900 buckets (see bucketFor), each carrying its min and max so a one-second spike survives.
 */

import 'server-only';
import type { MetricsDto } from '@/lib/contracts/metrics';
import type { SeriesPoint } from '@/lib/domain/metrics/chart';
import { bucketFor, downsample } from '@/lib/domain/metrics/downsample';
import { seriesLabel } from '@/lib/domain/metrics/format';
import { effectiveRules, sampleIntervalMs, staleAfterMs } from '@/lib/domain/metrics/sources';
import type { MetricsQueryInput } from '@/lib/schemas/metrics';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { toRuleDefinition } from './evaluate-deployment-health';

/** Points per series the API returns at most. */
export const MAX_POINTS = 1000;
/** Raw samples read per series before falling back to 10 s rollups (a very chatty sender). */
const RAW_FETCH_LIMIT = 20_000;
const DEFAULT_WINDOW_MS = 15 * 60_000;
/**
 * Raw samples up to this range: a "last 15 minutes" asked by a browser reaches the server a moment
 * later, and must not tip into 10 s buckets for the sake of a few hundred milliseconds.
 */
const RAW_MAX_RANGE_MS = 16 * 60_000;

type Row = { sid: string; ts: number; value: number };
type RollupRow = { sid: string; ts: number; mn: number; mx: number; sm: number; cnt: number };

async function edges(ids: string[], direction: 'first' | 'last'): Promise<Map<string, Row>> {
  if (ids.length === 0) return new Map();
  const rows =
    direction === 'last'
      ? await prisma.$queryRaw<Row[]>`
        SELECT f.id AS sid, (extract(epoch FROM l."ts") * 1000)::float8 AS ts, l."value" AS value
        FROM unnest(${ids}::text[]) AS f(id)
        CROSS JOIN LATERAL (SELECT "ts", "value" FROM "MetricSample" WHERE "seriesId" = f.id ORDER BY "ts" DESC LIMIT 1) l`
      : await prisma.$queryRaw<Row[]>`
        SELECT f.id AS sid, (extract(epoch FROM l."ts") * 1000)::float8 AS ts, l."value" AS value
        FROM unnest(${ids}::text[]) AS f(id)
        CROSS JOIN LATERAL (SELECT "ts", "value" FROM "MetricSample" WHERE "seriesId" = f.id ORDER BY "ts" ASC LIMIT 1) l`;
  return new Map(rows.map((r) => [r.sid, r]));
}

async function rawPoints(ids: string[], from: number, to: number): Promise<Map<string, SeriesPoint[]>> {
  const out = new Map<string, SeriesPoint[]>();
  if (ids.length === 0) return out;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT f.id AS sid, (extract(epoch FROM m."ts") * 1000)::float8 AS ts, m."value" AS value
    FROM unnest(${ids}::text[]) AS f(id)
    CROSS JOIN LATERAL (
      SELECT "ts", "value" FROM "MetricSample"
      WHERE "seriesId" = f.id
        AND "ts" >= (to_timestamp(${from} / 1000.0) AT TIME ZONE 'UTC')
        AND "ts" <= (to_timestamp(${to} / 1000.0) AT TIME ZONE 'UTC')
      ORDER BY "ts" LIMIT ${RAW_FETCH_LIMIT + 1}
    ) m
    ORDER BY f.id, m."ts"`;
  for (const r of rows) {
    const list = out.get(r.sid) ?? [];
    list.push({ ts: r.ts, value: r.value });
    out.set(r.sid, list);
  }
  return out;
}

async function rollupPoints(
  ids: string[],
  bucketSec: number,
  from: number,
  to: number,
): Promise<Map<string, SeriesPoint[]>> {
  const out = new Map<string, SeriesPoint[]>();
  if (ids.length === 0) return out;
  const rows = await prisma.$queryRaw<RollupRow[]>`
    SELECT "seriesId" AS sid, (extract(epoch FROM "bucket") * 1000)::float8 AS ts, "min" AS mn, "max" AS mx, "sum" AS sm, "count" AS cnt
    FROM "MetricRollup"
    WHERE "seriesId" = ANY(${ids}::text[]) AND "bucketSec" = ${bucketSec}
      AND "bucket" >= date_bin(make_interval(secs => ${bucketSec}), (to_timestamp(${from} / 1000.0) AT TIME ZONE 'UTC'), TIMESTAMP '1970-01-01')
      AND "bucket" <= (to_timestamp(${to} / 1000.0) AT TIME ZONE 'UTC')
    ORDER BY "seriesId", "bucket"`;
  for (const r of rows) {
    const list = out.get(r.sid) ?? [];
    list.push({ ts: r.ts, value: r.cnt ? r.sm / r.cnt : r.mx, min: r.mn, max: r.mx });
    out.set(r.sid, list);
  }
  return out;
}

export async function querySeries(
  actor: SignedInActor,
  deploymentId: string,
  input: MetricsQueryInput,
): Promise<MetricsDto> {
  // Read side by side with the access check (nothing is returned unless it passes): round trips,
  // not the queries themselves, are what a chart waits for.
  const [, seriesRows, ruleRows, sources] = await Promise.all([
    authorize(actor, 'deployment.read', deploymentId),
    prisma.metricSeries.findMany({
      where: { deploymentId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, key: true, name: true, unit: true },
    }),
    prisma.metricRule.findMany({ where: { deploymentId }, orderBy: { position: 'asc' } }),
    prisma.metricSource.findMany({
      where: { deploymentId, active: true },
      select: { kind: true, active: true, config: true },
    }),
  ]);
  const keys = seriesRows.map((s) => s.key);
  const storedRules = ruleRows.map((r) => ({ ...toRuleDefinition(r), id: r.id as string | null }));
  const rules = storedRules.length ? storedRules : effectiveRules([], keys).map((r) => ({ ...r, id: null }));
  // Series with a rule but no data yet still get a (empty) chart: "no data yet" is worth seeing.
  const allKeys = [...keys, ...rules.map((r) => r.series).filter((k) => !keys.includes(k))];
  const wanted = input.series.length ? allKeys.filter((k) => input.series.includes(k)) : allKeys;
  const rowsByKey = new Map(seriesRows.map((s) => [s.key, s]));
  const ids = wanted.map((k) => rowsByKey.get(k)?.id).filter((id): id is string => Boolean(id));

  const now = Date.now();
  const to = input.to ?? now;
  let from = input.from;
  if (from === undefined) {
    const firsts = [...(await edges(ids, 'first')).values()].map((r) => r.ts);
    from = firsts.length ? Math.min(...firsts, to - 60_000) : to - DEFAULT_WINDOW_MS;
  }
  if (!(from < to)) throw new AppError('invalid_body', '`from` must be before `to`.');

  let bucketSec = to - from <= RAW_MAX_RANGE_MS ? 0 : bucketFor(to - from);
  const [firstRead, lasts] = await Promise.all([
    bucketSec === 0 ? rawPoints(ids, from, to) : rollupPoints(ids, bucketSec, from, to),
    edges(ids, 'last'),
  ]);
  let points = firstRead;
  // A sender faster than 1 Hz can overflow the raw read: chart that range from 10 s rollups instead.
  if (bucketSec === 0 && [...points.values()].some((list) => list.length > RAW_FETCH_LIMIT)) {
    bucketSec = 10;
    points = await rollupPoints(ids, bucketSec, from, to);
  }

  return {
    from,
    to,
    bucketSec,
    staleAfterMs: staleAfterMs(sampleIntervalMs(sources)),
    serverTime: Date.now(),
    series: wanted.map((key) => {
      const row = rowsByKey.get(key);
      const rule = rules.find((r) => r.series === key) ?? null;
      const last = row ? lasts.get(row.id) : undefined;
      return {
        key,
        name: row?.name && row.name !== key ? row.name : seriesLabel(key),
        unit: row?.unit ?? rule?.unit ?? '',
        points: row ? downsample(points.get(row.id) ?? [], MAX_POINTS) : [],
        last: last ? { ts: last.ts, value: last.value } : null,
        rule,
      };
    }),
  };
}
