import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from './default-series';
import {
  defaultNameFor,
  defaultUnitFor,
  effectiveRules,
  minPollIntervalSec,
  pollIntervalSec,
  sampleIntervalMs,
  staleAfterMs,
} from './sources';
import { rule } from './test-helpers';

describe('sampleIntervalMs', () => {
  it('assumes the push default when no source is active', () => {
    expect(sampleIntervalMs([])).toBe(10_000);
    expect(sampleIntervalMs([{ kind: 'simulator', active: false, config: {} }])).toBe(10_000);
  });

  it('takes the fastest active source', () => {
    expect(sampleIntervalMs([{ kind: 'prometheus', active: true, config: { intervalSec: 5 } }])).toBe(5_000);
    expect(
      sampleIntervalMs([
        { kind: 'prometheus', active: true, config: { intervalSec: 5 } },
        { kind: 'simulator', active: true, config: { scenario: 'healthy' } },
      ]),
    ).toBe(1_000);
  });

  it('falls back to the default poll interval for a broken config', () => {
    expect(sampleIntervalMs([{ kind: 'prometheus', active: true, config: { intervalSec: 'soon' } }])).toBe(5_000);
    expect(sampleIntervalMs([{ kind: 'prometheus', active: true, config: null }])).toBe(5_000);
  });
});

describe('how often one Prometheus source may be polled', () => {
  const queries = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i}`, { query: 'up' }]));

  it('costs at most 5 GETs a second: more queries need a longer interval', () => {
    expect([1, 5, 6, 10, 11, 50].map(minPollIntervalSec)).toEqual([1, 1, 2, 2, 3, 10]);
  });

  it('polls settings saved below the floor at the floor, and keeps slower ones', () => {
    expect(pollIntervalSec({ intervalSec: 1, queries: queries(50) })).toBe(10);
    expect(pollIntervalSec({ intervalSec: 1, queries: queries(2) })).toBe(1);
    expect(pollIntervalSec({ intervalSec: 30, queries: queries(50) })).toBe(30);
    expect(
      sampleIntervalMs([{ kind: 'prometheus', active: true, config: { intervalSec: 1, queries: queries(50) } }]),
    ).toBe(10_000);
  });
});

describe('staleAfterMs', () => {
  it('is three intervals, never less than 5 s', () => {
    expect(staleAfterMs(10_000)).toBe(30_000);
    expect(staleAfterMs(1_000)).toBe(5_000);
  });
});

describe('effectiveRules', () => {
  it("uses the deployment's own rules when it has any", () => {
    const own = [rule({ series: 'cpu', unit: '%', warn: 50, critical: 60 })];
    expect(effectiveRules(own, ['error_rate', 'cpu'])).toEqual(own);
  });

  it('falls back to the standard rules for the series the deployment reports', () => {
    const rules = effectiveRules([], ['error_rate', 'throughput', 'queue_depth']);
    expect(rules.map((r) => r.series)).toEqual(['error_rate', 'throughput']);
    expect(rules[0]).toEqual(DEFAULT_RULES[0]);
  });
});

describe('defaults for new series', () => {
  it('takes the unit from the rule, then the well-known series, else none', () => {
    expect(defaultUnitFor('p95_latency', [rule({ series: 'p95_latency', unit: 's' })])).toBe('s');
    expect(defaultUnitFor('p95_latency')).toBe('ms');
    expect(defaultUnitFor('queue_depth')).toBe('');
  });

  it('names well-known series and keeps others as written', () => {
    expect(defaultNameFor('error_rate')).toBe('Error rate');
    expect(defaultNameFor('queue_depth')).toBe('queue_depth');
  });
});
