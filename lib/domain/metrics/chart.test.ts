import { describe, expect, it } from 'vitest';
import { mergeLivePoints, ruleInUnit, thresholdBands, trend, valueLevel, yDomain } from './chart';

const gt = { comparison: '>' as const, target: 1, warn: 3, critical: 10 };
const lt = { comparison: '<' as const, target: 100, warn: 50, critical: 5 };

describe('thresholdBands', () => {
  it('shades above the thresholds for ">" rules', () => {
    expect(thresholdBands(gt, 0, 20)).toEqual([
      { level: 2, from: 3, to: 10 },
      { level: 3, from: 10, to: 20 },
    ]);
  });

  it('shades below the thresholds for "<" rules', () => {
    expect(thresholdBands(lt, 0, 300)).toEqual([
      { level: 2, from: 5, to: 50 },
      { level: 3, from: 0, to: 5 },
    ]);
  });

  it('clips to the visible range and drops empty bands', () => {
    expect(thresholdBands(gt, 0, 2)).toEqual([]);
    expect(thresholdBands({ comparison: '>', warn: 3, critical: null }, 0, 5)).toEqual([{ level: 2, from: 3, to: 5 }]);
  });
});

describe('valueLevel', () => {
  it('places a value in its band without any sustain', () => {
    expect(valueLevel(0.5, gt)).toBe(1);
    expect(valueLevel(4, gt)).toBe(2);
    expect(valueLevel(12, gt)).toBe(3);
    expect(valueLevel(30, lt)).toBe(2);
    expect(valueLevel(1, lt)).toBe(3);
    expect(valueLevel(null, gt)).toBe(1);
    expect(valueLevel(50, null)).toBe(1);
  });
});

describe('yDomain', () => {
  it('reaches up to the nearest threshold above the data, with headroom', () => {
    const [lo, hi] = yDomain(
      [
        { ts: 1, value: 0.4 },
        { ts: 2, value: 0.6 },
      ],
      gt,
    );
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(1.1);
  });

  it('covers rollup ranges and a critical breach', () => {
    const [, hi] = yDomain([{ ts: 1, value: 5, min: 2, max: 24 }], gt);
    expect(hi).toBeCloseTo(26.4);
  });

  it('has a sane range with no data', () => {
    expect(yDomain([], null)).toEqual([0, 1.1]);
  });
});

describe('trend', () => {
  // One point per second; `values` repeated for `seconds` each.
  const series = (...runs: [number, number][]) => {
    const out: { ts: number; value: number }[] = [];
    for (const [value, seconds] of runs) for (let i = 0; i < seconds; i++) out.push({ ts: out.length * 1000, value });
    return out;
  };

  it('compares the last 10 s with 10 s a minute earlier', () => {
    expect(trend(series([1, 60], [2, 15]))).toEqual({ direction: 'up', delta: 1 });
    expect(trend(series([10, 60], [5, 15])).direction).toBe('down');
  });

  it('calls noise and small changes flat', () => {
    const noisy = Array.from({ length: 120 }, (_, i) => ({ ts: i * 1000, value: 100 + (i % 2 ? 12 : -12) }));
    expect(trend(noisy).direction).toBe('flat');
    expect(trend(series([100, 60], [105, 15])).direction).toBe('flat');
    expect(trend(series([0, 80])).direction).toBe('flat');
  });

  it('says nothing until there is history to compare with', () => {
    expect(trend(series([5, 1]))).toEqual({ direction: 'flat', delta: 0 });
    expect(trend(series([1, 5], [9, 5]))).toEqual({ direction: 'flat', delta: 0 });
  });

  it('uses the oldest stretch when the chart holds less than the window', () => {
    expect(trend(series([1, 12], [3, 12])).direction).toBe('up');
  });

  it('works on rollup points too', () => {
    const buckets = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5].map((value, i) => ({
      ts: i * 300_000,
      value,
      min: value,
      max: value,
    }));
    expect(trend(buckets, 1_800_000, 300_000).direction).toBe('up');
  });
});

describe('mergeLivePoints', () => {
  const base = [
    { ts: 1000, value: 1 },
    { ts: 2000, value: 2 },
  ];

  it('appends only newer points, in order, once', () => {
    const merged = mergeLivePoints(
      base,
      [
        { ts: 4000, value: 4 },
        { ts: 2000, value: 9 },
        { ts: 3000, value: 3 },
        { ts: 3000, value: 3 },
      ],
      { maxPoints: 100 },
    );
    expect(merged.map((p) => p.ts)).toEqual([1000, 2000, 3000, 4000]);
  });

  it('returns the same array when nothing is new (no re-render)', () => {
    expect(mergeLivePoints(base, [{ ts: 1500, value: 5 }], { maxPoints: 100 })).toBe(base);
  });

  it('slides the live window', () => {
    expect(mergeLivePoints(base, [{ ts: 3000, value: 3 }], { fromMs: 1500, maxPoints: 100 }).map((p) => p.ts)).toEqual([
      2000, 3000,
    ]);
  });

  it('thins a long-open chart back to the limit', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ ts: i, value: i % 3 }));
    expect(mergeLivePoints(many, [{ ts: 100, value: 1 }], { maxPoints: 10 }).length).toBeLessThanOrEqual(10);
  });
});

describe('ruleInUnit', () => {
  it('converts thresholds written in seconds to a series charted in milliseconds', () => {
    const rule = { comparison: '>' as const, unit: 's', target: 0.5, warn: 1, critical: 2 };
    expect(ruleInUnit(rule, 'ms')).toMatchObject({ target: 500, warn: 1000, critical: 2000, unit: 's' });
    expect(ruleInUnit({ ...rule, warn: null }, 'ms').warn).toBeNull();
  });

  it('leaves matching or unconvertible units alone', () => {
    const rule = { comparison: '>' as const, unit: '%', target: 1, warn: 3, critical: 10 };
    expect(ruleInUnit(rule, '%')).toBe(rule);
    expect(ruleInUnit(rule, '')).toEqual(rule);
  });
});
