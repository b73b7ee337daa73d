import { describe, expect, it } from 'vitest';
import { DEFAULT_DECISION_TREE } from './decision-tree';
import { DEFAULT_RULES, DEFAULT_SERIES } from './default-series';
import { evaluateHealth, type HealthResult } from './evaluate-health';
import type { HealthState } from './health-state';
import { mulberry32 } from './prng';
import { simulateSamples, type Scenario } from './simulator';
import { T0 } from './test-helpers';

const KEYS = DEFAULT_SERIES.map((s) => s.key);
const UNITS = Object.fromEntries(DEFAULT_SERIES.map((s) => [s.key, s.unit]));

/**
 * Runs a scenario the way the demo does — one sample per second per series, the engine evaluating
 * each second with the default rules and tree — and records the recommendation level per second.
 */
function rehearse(scenario: Scenario, seconds: number, seed: number | string = 7) {
  const levels: number[] = [];
  const results: HealthResult[] = [];
  let state: HealthState | undefined;
  for (let sec = 0; sec <= seconds; sec++) {
    const at = T0 + sec * 1000;
    const samplesBySeries = Object.fromEntries(
      simulateSamples({ scenario, seriesKeys: KEYS, startedAt: T0, at, seed }).map((v) => [
        v.series,
        [{ ts: at, value: v.value }],
      ]),
    );
    const result = evaluateHealth({
      rules: DEFAULT_RULES,
      levels: DEFAULT_DECISION_TREE,
      samplesBySeries,
      seriesUnits: UNITS,
      now: at,
      previous: state,
      staleAfterMs: 3_000,
    });
    state = result.state;
    levels.push(result.level);
    results.push(result);
  }
  return { levels, results, firstAt: (level: number) => levels.findIndex((l) => l >= level) };
}

describe('mulberry32', () => {
  it('is deterministic and spread over [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.filter((x) => x < 0.5).length).toBeGreaterThan(400);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });
});

describe('simulateSamples', () => {
  it('gives the same values for the same seed and moment, whatever was asked before', () => {
    const at = T0 + 123_456;
    const once = simulateSamples({ scenario: 'slow-burn', seriesKeys: KEYS, startedAt: T0, at, seed: 'demo' });
    for (let s = 0; s < 50; s++)
      simulateSamples({ scenario: 'slow-burn', seriesKeys: KEYS, startedAt: T0, at: T0 + s * 1000, seed: 'demo' });
    expect(simulateSamples({ scenario: 'slow-burn', seriesKeys: KEYS, startedAt: T0, at, seed: 'demo' })).toEqual(once);
    const other = simulateSamples({ scenario: 'slow-burn', seriesKeys: KEYS, startedAt: T0, at, seed: 'other' });
    expect(other).not.toEqual(once);
  });

  it('produces realistic healthy values in the series units', () => {
    const values = Object.fromEntries(
      simulateSamples({ scenario: 'healthy', seriesKeys: KEYS, startedAt: T0, at: T0 + 60_000, seed: 1 }).map((v) => [
        v.series,
        v.value,
      ]),
    );
    expect(values.error_rate).toBeGreaterThanOrEqual(0);
    expect(values.error_rate).toBeLessThan(1);
    expect(values.p95_latency).toBeGreaterThan(100);
    expect(values.p95_latency).toBeLessThan(values.p99_latency);
    expect(values.cpu).toBeGreaterThan(20);
    expect(values.cpu).toBeLessThan(70);
    expect(Number.isInteger(values.db_connections)).toBe(true);
    expect(values.throughput).toBeGreaterThan(100);
  });

  it('still gives a value for a series it does not know', () => {
    const [v] = simulateSamples({ scenario: 'spike', seriesKeys: ['queue_depth'], startedAt: T0, at: T0, seed: 1 });
    expect(v.series).toBe('queue_depth');
    expect(Number.isFinite(v.value)).toBe(true);
  });

  it('outage: throughput falls to about zero and errors to nearly 100 % within half a minute', () => {
    const at = T0 + 30_000;
    const v = Object.fromEntries(
      simulateSamples({ scenario: 'outage', seriesKeys: KEYS, startedAt: T0, at, seed: 3 }).map((x) => [
        x.series,
        x.value,
      ]),
    );
    expect(v.throughput).toBeLessThan(1);
    expect(v.error_rate).toBeGreaterThan(85);
    expect(v.error_rate).toBeLessThanOrEqual(100);
  });
});

describe('scenarios judged by the default rules and decision tree', () => {
  it.each([1, 2, 'demo'])('healthy stays at "Keep going" for 30 minutes (seed %s)', (seed) => {
    const { levels, results } = rehearse('healthy', 30 * 60, seed);
    expect(new Set(levels)).toEqual(new Set([1]));
    expect(results.every((r) => r.reasons.length === 0 && r.stale.length === 0)).toBe(true);
  });

  it.each([1, 2, 'demo'])('spike reaches "Roll back now" within 90 s, because of the error rate (seed %s)', (seed) => {
    const { firstAt, results } = rehearse('spike', 120, seed);
    const at = firstAt(3);
    expect(at).toBeGreaterThan(30);
    expect(at).toBeLessThanOrEqual(90);
    expect(results[at].title).toBe('Roll back now');
    expect(results[at].reasons[0]).toMatch(/^error rate \d+(\.\d)? % > 10 % for 30 s$/);
    expect(results.slice(at).every((r) => r.level === 3)).toBe(true);
  });

  it.each([1, 2, 'demo'])('slow-burn degrades to "Prepare rollback" and then "Roll back now" (seed %s)', (seed) => {
    const { firstAt, levels } = rehearse('slow-burn', 16 * 60, seed);
    const warnAt = firstAt(2);
    const criticalAt = firstAt(3);
    expect(warnAt).toBeGreaterThan(4 * 60);
    expect(warnAt).toBeLessThan(10 * 60);
    expect(criticalAt).toBeGreaterThan(10 * 60);
    expect(criticalAt).toBeLessThan(15 * 60);
    // Degrading, not flapping: once up, it never steps back down.
    expect(levels.slice(warnAt).every((l) => l >= 2)).toBe(true);
    expect(levels.slice(criticalAt).every((l) => l === 3)).toBe(true);
  });

  it('outage reaches "Roll back now" within 90 s', () => {
    const { firstAt, results } = rehearse('outage', 90);
    expect(firstAt(3)).toBeGreaterThan(0);
    expect(results[90].reasons.join('\n')).toMatch(/throughput .* < 5 req\/s|error rate .* > 10 %/);
  });

  it('is deterministic for a seed', () => {
    expect(rehearse('slow-burn', 900, 11).levels).toEqual(rehearse('slow-burn', 900, 11).levels);
  });
});
