/**
 * What a metric chart needs beyond the points: the threshold bands to shade, which band the newest
 * value sits in, which way the line is heading, and how live points join the points already drawn.
 * Pure so the chart component stays a thin drawing of these numbers.
 */

import type { MetricRuleDefinition } from '../template-definition';
import { breaches, convertUnit, normaliseUnit } from '../thresholds';
import { downsample } from './downsample';
import type { HealthLevel } from './types';

/** One chart point; rollup buckets also carry the bucket's range so a one-second spike stays visible. */
export type SeriesPoint = { ts: number; value: number; min?: number; max?: number };

export type Band = { level: HealthLevel; from: number; to: number };

type RuleLike = Pick<MetricRuleDefinition, 'comparison' | 'warn' | 'critical'> & { target?: number | null };

/**
 * A rule's thresholds expressed in the unit the series is charted in: a rule written in seconds
 * shades the right band on a series pushed in milliseconds.
 */
export function ruleInUnit<R extends RuleLike & { unit?: string }>(rule: R, seriesUnit: string): R {
  const from = normaliseUnit(rule.unit);
  const to = normaliseUnit(seriesUnit);
  if (from === to) return rule;
  const convert = (v: number | null | undefined) => (v === null || v === undefined ? v : convertUnit(v, from, to));
  return { ...rule, target: convert(rule.target), warn: convert(rule.warn), critical: convert(rule.critical) };
}

/**
 * The warn and critical regions of a rule within [lo, hi], for shading. For ">" the danger is above
 * the thresholds, for "<" (throughput) below.
 */
export function thresholdBands(rule: RuleLike, lo: number, hi: number): Band[] {
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  const warn = rule.warn ?? null;
  const critical = rule.critical ?? null;
  const bands: Band[] = [];
  if (rule.comparison === '>') {
    if (warn !== null) bands.push({ level: 2, from: clamp(warn), to: clamp(critical ?? hi) });
    if (critical !== null) bands.push({ level: 3, from: clamp(critical), to: hi });
  } else {
    if (warn !== null) bands.push({ level: 2, from: clamp(critical ?? lo), to: clamp(warn) });
    if (critical !== null) bands.push({ level: 3, from: lo, to: clamp(critical) });
  }
  return bands.filter((b) => b.to > b.from);
}

/** The band a single value falls in, without any sustain window: a hint, not the health level. */
export function valueLevel(value: number | null, rule: RuleLike | null | undefined): HealthLevel {
  if (value === null || !rule) return 1;
  if (rule.critical !== null && rule.critical !== undefined && breaches(value, rule.comparison, rule.critical))
    return 3;
  if (rule.warn !== null && rule.warn !== undefined && breaches(value, rule.comparison, rule.warn)) return 2;
  return 1;
}

/**
 * A y-axis range that shows the data and the nearest threshold above it, so the IC sees how much room
 * is left — without a far-off critical line squashing a healthy series into a flat line at the bottom.
 */
export function yDomain(points: readonly SeriesPoint[], rule: RuleLike | null | undefined): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    lo = Math.min(lo, p.min ?? p.value);
    hi = Math.max(hi, p.max ?? p.value);
  }
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  const thresholds = [rule?.target, rule?.warn, rule?.critical].filter((t): t is number => typeof t === 'number');
  const above = thresholds.filter((t) => t >= hi).sort((a, b) => a - b)[0];
  if (above !== undefined) hi = above;
  const below = thresholds.filter((t) => t <= lo).sort((a, b) => b - a)[0];
  if (below !== undefined) lo = below;
  lo = Math.min(0, lo);
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
  return [lo, hi + pad];
}

export type Trend = { direction: 'up' | 'down' | 'flat'; delta: number };

/**
 * Where the line is heading: the mean of the last `smoothMs` against the mean of the same stretch
 * `windowMs` earlier (or the oldest stretch there is). Means, not single samples, because a noisy
 * series would otherwise flip its arrow every second; changes under 10 % count as flat.
 */
export function trend(points: readonly SeriesPoint[], windowMs = 60_000, smoothMs = 10_000): Trend {
  if (points.length < 2) return { direction: 'flat', delta: 0 };
  const lastTs = points[points.length - 1].ts;
  const mean = (from: number, to: number) => {
    let sum = 0;
    let n = 0;
    for (const p of points) {
      if (p.ts >= from && p.ts <= to) {
        sum += p.value;
        n += 1;
      }
    }
    return n ? sum / n : null;
  };
  const now = mean(lastTs - smoothMs, lastTs) as number;
  const baseEnd = Math.max(points[0].ts + smoothMs, lastTs - windowMs);
  if (baseEnd >= lastTs - smoothMs) return { direction: 'flat', delta: 0 };
  const before = mean(baseEnd - smoothMs, baseEnd) ?? points[0].value;
  const delta = now - before;
  const scale = Math.max(Math.abs(now), Math.abs(before));
  if (scale === 0 || Math.abs(delta) / scale < 0.1) return { direction: 'flat', delta };
  return { direction: delta > 0 ? 'up' : 'down', delta };
}

/**
 * Live points joining a drawn series: only newer than the newest drawn (live deliveries are volatile
 * and may repeat or arrive late), older than `fromMs` dropped, and thinned back to `maxPoints` so a
 * chart left open for hours stays light.
 */
export function mergeLivePoints(
  points: readonly SeriesPoint[],
  incoming: readonly SeriesPoint[],
  options: { fromMs?: number | null; maxPoints: number },
): SeriesPoint[] {
  let lastTs = points.length ? points[points.length - 1].ts : -Infinity;
  const added: SeriesPoint[] = [];
  for (const p of [...incoming].sort((a, b) => a.ts - b.ts)) {
    if (p.ts > lastTs && Number.isFinite(p.value)) {
      added.push(p);
      lastTs = p.ts;
    }
  }
  if (added.length === 0 && options.fromMs == null) return points as SeriesPoint[];
  let merged = [...points, ...added];
  if (options.fromMs != null) {
    const from = options.fromMs;
    const firstKept = merged.findIndex((p) => p.ts >= from);
    merged = firstKept < 0 ? [] : merged.slice(firstKept);
  }
  // Thin in one go once well past the limit, not on every point, so the line does not shimmer.
  if (merged.length > options.maxPoints * 1.5) merged = downsample(merged, options.maxPoints);
  return merged;
}
