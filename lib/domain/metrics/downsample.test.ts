import { describe, expect, it } from 'vitest';
import { bucketFor, downsample, rollup } from './downsample';
import { T0 } from './test-helpers';

const HOUR = 3_600_000;

/** A 1 Hz series: a gentle wave. */
function wave(count: number) {
  return Array.from({ length: count }, (_, i) => ({ ts: T0 + i * 1000, value: 50 + 10 * Math.sin(i / 300) }));
}

describe('downsample', () => {
  it('returns short series unchanged', () => {
    const points = wave(500);
    expect(downsample(points, 1000)).toEqual(points);
  });

  it('charts 48 hours at 1 Hz from at most 1000 points, keeping a one-second spike and dip', () => {
    const points = wave(48 * 3600);
    points[100_001] = { ...points[100_001], value: 9_999 };
    points[33_333] = { ...points[33_333], value: -42 };

    const out = downsample(points, 1000);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(out.length).toBeGreaterThan(900);
    expect(Math.max(...out.map((p) => p.value))).toBe(9_999);
    expect(Math.min(...out.map((p) => p.value))).toBe(-42);
    expect(out.every((p, i) => i === 0 || p.ts > out[i - 1].ts)).toBe(true);
    // Spans the whole range.
    expect(out[0].ts - T0).toBeLessThan(3 * 60_000);
    expect(points[points.length - 1].ts - out[out.length - 1].ts).toBeLessThan(3 * 60_000);
  });

  it('keeps any extra fields on the points', () => {
    const points = wave(100).map((p) => ({ ...p, series: 'cpu' }));
    expect(downsample(points, 10).every((p) => p.series === 'cpu')).toBe(true);
  });

  it('handles degenerate limits', () => {
    const points = wave(10);
    expect(downsample(points, 0)).toEqual([]);
    expect(downsample(points, 1)).toEqual([points[9]]);
    expect(downsample([], 100)).toEqual([]);
  });
});

describe('bucketFor', () => {
  it('uses raw samples up to 15 minutes, then 10 s, 1 min, 5 min rollups', () => {
    expect(bucketFor(15 * 60_000)).toBe(0);
    expect(bucketFor(HOUR)).toBe(10);
    expect(bucketFor(6 * HOUR)).toBe(60);
    expect(bucketFor(48 * HOUR)).toBe(300);
    expect(bucketFor(30 * 24 * HOUR)).toBe(3600);
  });

  it('keeps a 48-hour chart under 1000 buckets', () => {
    const bucketSec = bucketFor(48 * HOUR);
    expect((48 * HOUR) / (bucketSec * 1000)).toBeLessThanOrEqual(1000);
  });
});

describe('rollup', () => {
  it('folds samples into epoch-aligned buckets with min, max, sum, count and last', () => {
    const start = Date.UTC(2026, 0, 1, 10, 0, 0);
    const points = [3, 9, 1, 4, 20, 6].map((value, i) => ({ ts: start + i * 5_000, value }));
    expect(rollup(points, 10)).toEqual([
      { bucket: start, min: 3, max: 9, sum: 12, count: 2, last: 9 },
      { bucket: start + 10_000, min: 1, max: 4, sum: 5, count: 2, last: 4 },
      { bucket: start + 20_000, min: 6, max: 20, sum: 26, count: 2, last: 6 },
    ]);
  });
});
