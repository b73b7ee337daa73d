import { describe, expect, it } from 'vitest';
import { formatDuration, formatMetric, seriesLabel } from './format';

describe('formatDuration', () => {
  it('says durations the way people do', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(130_000)).toBe('2 min 10 s');
    expect(formatDuration(60_000)).toBe('1 min');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
    expect(formatDuration(7_200_000)).toBe('2 h');
  });

  it('rounds down so "for 1 min" means at least a minute', () => {
    expect(formatDuration(59_999)).toBe('59 s');
    expect(formatDuration(999)).toBe('0 s');
  });

  it('never shows a negative or broken duration', () => {
    expect(formatDuration(-5_000)).toBe('0 s');
    expect(formatDuration(Number.NaN)).toBe('0 s');
  });
});

describe('seriesLabel', () => {
  it('names the well-known series', () => {
    expect(seriesLabel('error_rate')).toBe('error rate');
    expect(seriesLabel('p95_latency')).toBe('p95 latency');
    expect(seriesLabel('db_connections')).toBe('DB connections');
    expect(seriesLabel('cpu')).toBe('CPU');
    expect(seriesLabel('throughput')).toBe('throughput');
  });

  it('de-slugifies anything else, keeping acronyms upper-case', () => {
    expect(seriesLabel('queue_depth')).toBe('queue depth');
    expect(seriesLabel('api-5xx-count')).toBe('API 5xx count');
    expect(seriesLabel('cacheHitRatio')).toBe('cache hit ratio');
  });

  it("prefers the rule's own name", () => {
    expect(seriesLabel('error_rate', 'checkout errors')).toBe('checkout errors');
    expect(seriesLabel('error_rate', '  ')).toBe('error rate');
  });
});

describe('formatMetric', () => {
  it('uses the shared formatting for ms, s and %, and appends other units', () => {
    expect(formatMetric(12.43, '%')).toBe('12.4 %');
    expect(formatMetric(640, 'ms')).toBe('640 ms');
    expect(formatMetric(2, 's')).toBe('2 s');
    expect(formatMetric(0.5, 'req/s')).toBe('0.5 req/s');
    expect(formatMetric(160, '')).toBe('160');
  });
});
