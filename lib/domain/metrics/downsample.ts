/**
 * Bounded chart data. A 48-hour go-live at 1 Hz is 172 800 samples per series; the browser should
 * draw about a thousand points, and the one-second spike that triggered a rollback must still be
 * visible. Hence min/max per bucket rather than averages, and rollups chosen by time range.
 */

export type ChartPoint = { ts: number; value: number };

/**
 * At most `maxPoints` points, keeping each bucket's lowest and highest value (in time order), so
 * peaks and dips survive. Returns a copy of the input when it already fits.
 */
export function downsample<T extends ChartPoint>(points: readonly T[], maxPoints: number): T[] {
  const limit = Math.floor(maxPoints);
  if (!(limit >= 1) || points.length === 0) return [];
  if (points.length <= limit) return points.slice();
  // One point cannot show a range; the latest value is the one people ask about.
  if (limit === 1) return [points[points.length - 1]];

  const buckets = Math.floor(limit / 2);
  const size = points.length / buckets;
  const out: T[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(points.length, Math.floor((b + 1) * size));
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i++) {
      if (points[i].value < points[lo].value) lo = i;
      if (points[i].value > points[hi].value) hi = i;
    }
    if (lo === hi) out.push(points[lo]);
    else if (lo < hi) out.push(points[lo], points[hi]);
    else out.push(points[hi], points[lo]);
  }
  return out;
}

/** Rollup bucket sizes the ingest side keeps (MetricRollup.bucketSec). */
export const ROLLUP_BUCKETS_SEC = [10, 60, 300, 3600] as const;

/** About this many buckets per chart — 15 min of 1 Hz raw samples, or 48 h of 5-min buckets (576). */
export const MAX_CHART_BUCKETS = 900;

/**
 * Which data to chart a time range from, in seconds per bucket; 0 means raw samples. With 1 Hz
 * samples: raw up to 15 min, 10 s up to 2.5 h, 1 min up to 15 h, 5 min up to 75 h, then 1 h.
 */
export function bucketFor(rangeMs: number, sampleIntervalMs = 1000): number {
  if (rangeMs / sampleIntervalMs <= MAX_CHART_BUCKETS) return 0;
  for (const bucketSec of ROLLUP_BUCKETS_SEC) {
    if (rangeMs / (bucketSec * 1000) <= MAX_CHART_BUCKETS) return bucketSec;
  }
  return ROLLUP_BUCKETS_SEC[ROLLUP_BUCKETS_SEC.length - 1];
}

/** One rollup row, shaped like MetricRollup. `bucket` is the bucket's start (ms epoch). */
export type Rollup = { bucket: number; min: number; max: number; sum: number; count: number; last: number };

/** Folds sorted samples into buckets of `bucketSec`, aligned to the epoch so every process agrees. */
export function rollup(points: readonly ChartPoint[], bucketSec: number): Rollup[] {
  const width = bucketSec * 1000;
  const out: Rollup[] = [];
  for (const p of points) {
    const bucket = Math.floor(p.ts / width) * width;
    const current = out[out.length - 1];
    if (current && current.bucket === bucket) {
      current.min = Math.min(current.min, p.value);
      current.max = Math.max(current.max, p.value);
      current.sum += p.value;
      current.count += 1;
      current.last = p.value;
    } else {
      out.push({ bucket, min: p.value, max: p.value, sum: p.value, count: 1, last: p.value });
    }
  }
  return out;
}
