import { describe, expect, it } from 'vitest';
import type { MetricRuleDefinition } from '../template-definition';
import { evaluateRules, type RulesResult } from './evaluate-rules';
import type { HealthState } from './health-state';
import { repeat, rule, samplesFrom, T0 } from './test-helpers';
import type { Sample } from './types';

const STALE_AFTER = 3_000;

/** Evaluates once, at the newest sample, from scratch. */
function judge(
  rules: MetricRuleDefinition[],
  samplesBySeries: Record<string, Sample[]>,
  extra: Partial<Parameters<typeof evaluateRules>[0]> = {},
): RulesResult {
  const newest = Math.max(...Object.values(samplesBySeries).flatMap((s) => s.map((p) => p.ts)), T0);
  return evaluateRules({ rules, samplesBySeries, now: newest, staleAfterMs: STALE_AFTER, ...extra });
}

/** Feeds samples one per evaluation, the way a live war room sees them; returns the level after each. */
function replay(rules: MetricRuleDefinition[], series: string, samples: Sample[], previous?: HealthState) {
  const levels: number[] = [];
  let state = previous;
  let last: RulesResult | undefined;
  for (const s of samples) {
    last = evaluateRules({
      rules,
      samplesBySeries: { [series]: [s] },
      now: s.ts,
      previous: state,
      staleAfterMs: STALE_AFTER,
    });
    state = last.state;
    levels.push(last.level);
  }
  return { levels, last: last as RulesResult, state: state as HealthState };
}

describe('comparisons', () => {
  it('"above" rules raise warn and critical levels (strictly greater than the threshold)', () => {
    const r = rule({ sustainSec: 0 });
    expect(judge([r], { error_rate: samplesFrom([12]) }).level).toBe(3);
    expect(judge([r], { error_rate: samplesFrom([5]) }).level).toBe(2);
    expect(judge([r], { error_rate: samplesFrom([10]) }).level).toBe(2);
    expect(judge([r], { error_rate: samplesFrom([2]) }).level).toBe(1);
  });

  it('"below" rules raise when the value falls — throughput collapsing', () => {
    const r = rule({
      series: 'throughput',
      comparison: '<',
      unit: 'req/s',
      target: 100,
      warn: 50,
      critical: 5,
      sustainSec: 0,
    });
    expect(judge([r], { throughput: samplesFrom([3]) }).level).toBe(3);
    expect(judge([r], { throughput: samplesFrom([40]) }).level).toBe(2);
    const offTarget = judge([r], { throughput: samplesFrom([80]) });
    expect(offTarget.level).toBe(1);
    expect(offTarget.perRule[0].offTarget).toBe(true);
    expect(judge([r], { throughput: samplesFrom([240]) }).perRule[0].offTarget).toBe(false);
  });

  it('a rule with only a target never raises the level', () => {
    const r = rule({ warn: null, critical: null, sustainSec: 0 });
    const result = judge([r], { error_rate: samplesFrom([50]) });
    expect(result.level).toBe(1);
    expect(result.perRule[0].offTarget).toBe(true);
    expect(result.reasons).toEqual([]);
  });

  it('the overall level is the worst rule', () => {
    const rules = [
      rule({ sustainSec: 0 }),
      rule({ series: 'p95_latency', unit: 'ms', target: 500, warn: 1000, critical: 2000, sustainSec: 0 }),
    ];
    const result = judge(rules, { error_rate: samplesFrom([5]), p95_latency: samplesFrom([2500]) });
    expect(result.level).toBe(3);
    expect(result.perRule.map((p) => p.level)).toEqual([2, 3]);
    expect(result.reasons[0]).toMatch(/^p95 latency/);
  });
});

describe('sustain window', () => {
  const r = rule({ sustainSec: 60 });

  it('a breach shorter than the window does not raise', () => {
    const result = judge([r], { error_rate: samplesFrom([...repeat(1, 10), ...repeat(12, 60)]) });
    // 60 samples at 1 Hz span 59 s.
    expect(result.level).toBe(1);
    expect(result.reasons).toEqual([]);
  });

  it('a breach lasting the whole window raises', () => {
    const result = judge([r], { error_rate: samplesFrom([...repeat(1, 10), ...repeat(12, 61)]) });
    expect(result.level).toBe(3);
  });

  it('one good sample restarts the window', () => {
    const result = judge([r], { error_rate: samplesFrom([...repeat(12, 40), 1, ...repeat(12, 40)]) });
    expect(result.level).toBe(1);
  });

  it('warn can be sustained while critical is not yet', () => {
    const result = judge([r], { error_rate: samplesFrom([...repeat(5, 40), ...repeat(12, 30)]) });
    expect(result.level).toBe(2);
    expect(result.reasons).toEqual(['error rate 12 % > 3 % for 1 min 9 s']);
  });

  it('sustainSec 0 reacts to the latest sample', () => {
    const result = judge([rule({ sustainSec: 0 })], { error_rate: samplesFrom([1, 1, 12]) });
    expect(result.level).toBe(3);
    expect(result.reasons).toEqual(['error rate 12 % > 10 %']);
  });
});

describe('hysteresis', () => {
  const r = rule({ sustainSec: 60 });
  const raised = samplesFrom(repeat(12, 90));
  const afterRaise = T0 + 90_000;

  it('holds a raised level until the value has been back inside for the whole window', () => {
    const { state } = replay([r], 'error_rate', raised);
    const recovering = samplesFrom(repeat(1, 61), afterRaise);

    const { levels, last } = replay([r], 'error_rate', recovering, state);
    expect(levels.slice(0, 60)).toEqual(repeat(3, 60));
    expect(levels[60]).toBe(1);
    expect(last.perRule[0].previousLevel).toBe(3);
  });

  it('explains why a level is still held', () => {
    const { state } = replay([r], 'error_rate', raised);
    const { last } = replay([r], 'error_rate', samplesFrom(repeat(1, 21), afterRaise), state);
    expect(last.level).toBe(3);
    expect(last.reasons).toEqual(['error rate 1 %, under 10 % for 20 s (clears after 1 min)']);
  });

  it('steps down one level at a time when the value settles between warn and critical', () => {
    const { state } = replay([r], 'error_rate', raised);
    const { levels, last } = replay([r], 'error_rate', samplesFrom(repeat(5, 61), afterRaise), state);
    expect(levels[59]).toBe(3);
    expect(levels[60]).toBe(2);
    expect(last.reasons).toEqual(['error rate 5 % > 3 % for 2 min 30 s']);
  });

  it('does not flap on a value oscillating around the threshold', () => {
    const { state } = replay([r], 'error_rate', raised);
    // 10 minutes of 20 s at 12 %, 20 s at 8 %: never inside long enough to clear.
    const wobble = Array.from({ length: 600 }, (_, i) => (Math.floor(i / 20) % 2 === 0 ? 8 : 12));
    const { levels } = replay([r], 'error_rate', samplesFrom(wobble, afterRaise), state);
    expect(new Set(levels)).toEqual(new Set([3]));
  });

  it('an oscillation that never lasts the window never raises in the first place', () => {
    const wobble = Array.from({ length: 600 }, (_, i) => (Math.floor(i / 20) % 2 === 0 ? 1 : 12));
    const { levels } = replay([r], 'error_rate', samplesFrom(wobble));
    expect(new Set(levels)).toEqual(new Set([1]));
  });

  it('gives the same answer whether samples arrive one by one or in one batch', () => {
    const values = [...repeat(12, 90), ...repeat(5, 30), ...repeat(1, 70), ...repeat(12, 20)];
    const samples = samplesFrom(values);
    const stepwise = replay([r], 'error_rate', samples).last;
    const batch = judge([r], { error_rate: samples });
    expect(batch.level).toBe(stepwise.level);
    expect(batch.reasons).toEqual(stepwise.reasons);
    expect(batch.state).toEqual(stepwise.state);
  });

  it('ignores samples older than ones already judged', () => {
    const { state } = replay([r], 'error_rate', raised);
    const late = evaluateRules({
      rules: [r],
      samplesBySeries: { error_rate: samplesFrom(repeat(1, 80)) },
      now: afterRaise,
      previous: state,
      staleAfterMs: STALE_AFTER,
    });
    expect(late.level).toBe(3);
  });

  it('starts an edited rule afresh and forgets deleted ones', () => {
    const { state } = replay([r], 'error_rate', raised);
    const edited = rule({ sustainSec: 60, critical: 20 });
    const result = evaluateRules({
      rules: [edited],
      samplesBySeries: { error_rate: samplesFrom([12], afterRaise) },
      now: afterRaise,
      previous: state,
      staleAfterMs: STALE_AFTER,
    });
    expect(result.level).toBe(1);
    expect(Object.keys(result.state.checks)).toHaveLength(1);
  });

  it('survives being stored as JSON between evaluations', () => {
    const { state } = replay([r], 'error_rate', raised);
    const restored = JSON.parse(JSON.stringify(state)) as HealthState;
    const { levels } = replay([r], 'error_rate', samplesFrom(repeat(1, 10), afterRaise), restored);
    expect(levels.at(-1)).toBe(3);
  });
});

describe('missing data', () => {
  const r = rule({ sustainSec: 60 });

  it('a quiet series keeps its raised level and says how long it has been quiet', () => {
    const { state } = replay([r], 'error_rate', samplesFrom(repeat(12, 90)));
    const result = evaluateRules({
      rules: [r],
      samplesBySeries: {},
      now: T0 + 89_000 + 40_000,
      previous: state,
      staleAfterMs: STALE_AFTER,
    });
    expect(result.level).toBe(3);
    expect(result.stale).toEqual(['error_rate']);
    expect(result.perRule[0].stale).toBe(true);
    expect(result.reasons).toEqual(['error rate: no data for 40 s — last 12 % > 10 %']);
  });

  it('a quiet series is not reported healthy even when its last value was fine', () => {
    const { state } = replay([r], 'error_rate', samplesFrom(repeat(0.5, 30)));
    const result = evaluateRules({
      rules: [r],
      samplesBySeries: {},
      now: T0 + 29_000 + 40_000,
      previous: state,
      staleAfterMs: STALE_AFTER,
    });
    expect(result.stale).toEqual(['error_rate']);
    expect(result.reasons).toEqual(['error rate: no data for 40 s']);
  });

  it('a series that never reported is listed too', () => {
    const result = evaluateRules({ rules: [r], samplesBySeries: {}, now: T0, staleAfterMs: STALE_AFTER });
    expect(result.stale).toEqual(['error_rate']);
    expect(result.reasons).toEqual(['error rate: no data yet']);
  });

  it('time passing without data does not clear a raised level', () => {
    const { state } = replay([r], 'error_rate', samplesFrom(repeat(12, 90)));
    const hourLater = evaluateRules({
      rules: [r],
      samplesBySeries: {},
      now: T0 + 3_600_000,
      previous: state,
      staleAfterMs: STALE_AFTER,
    });
    expect(hourLater.level).toBe(3);
  });

  it('data within the stale window is fresh', () => {
    const result = evaluateRules({
      rules: [r],
      samplesBySeries: { error_rate: samplesFrom([0.5]) },
      now: T0 + STALE_AFTER,
      staleAfterMs: STALE_AFTER,
    });
    expect(result.stale).toEqual([]);
  });
});

describe('units', () => {
  it("converts seconds pushed by the source into the rule's milliseconds", () => {
    const r = rule({ series: 'p95_latency', unit: 'ms', target: 300, warn: 500, critical: 2000, sustainSec: 60 });
    const result = judge([r], { p95_latency: samplesFrom(repeat(0.64, 61)) }, { seriesUnits: { p95_latency: 's' } });
    expect(result.level).toBe(2);
    expect(result.perRule[0].value).toBeCloseTo(640);
    expect(result.reasons).toEqual(['p95 latency 640 ms > 500 ms for 1 min']);
  });

  it('converts milliseconds into a rule written in seconds', () => {
    const r = rule({ series: 'p99_latency', unit: 's', target: 1, warn: null, critical: 2, sustainSec: 0 });
    const result = judge([r], { p99_latency: samplesFrom([2500]) }, { seriesUnits: { p99_latency: 'ms' } });
    expect(result.level).toBe(3);
    expect(result.reasons).toEqual(['p99 latency 2.5 s > 2 s']);
  });

  it('leaves percentages as they are', () => {
    const result = judge(
      [rule({ sustainSec: 0 })],
      { error_rate: samplesFrom([12.43]) },
      { seriesUnits: { error_rate: '%' } },
    );
    expect(result.perRule[0].value).toBe(12.43);
    expect(result.reasons).toEqual(['error rate 12.4 % > 10 %']);
  });
});

describe('reasons', () => {
  it('reads like a sentence: series, value, threshold, how long', () => {
    const result = judge([rule()], { error_rate: samplesFrom(repeat(12.4, 131)) });
    expect(result.reasons).toEqual(['error rate 12.4 % > 10 % for 2 min 10 s']);
    expect(result.perRule[0].threshold).toBe(10);
  });

  it("uses the rule's name when it has one", () => {
    const result = judge([rule({ name: 'checkout errors' })], { error_rate: samplesFrom(repeat(12.4, 61)) });
    expect(result.reasons).toEqual(['checkout errors 12.4 % > 10 % for 1 min']);
  });

  it('names unitless and custom-unit series properly', () => {
    const db = rule({ series: 'db_connections', unit: '', target: 100, warn: 150, critical: 190, sustainSec: 60 });
    const tp = rule({
      series: 'throughput',
      comparison: '<',
      unit: 'req/s',
      target: 100,
      warn: 50,
      critical: 5,
      sustainSec: 60,
    });
    const result = judge([db, tp], {
      db_connections: samplesFrom(repeat(160, 61)),
      throughput: samplesFrom(repeat(0.5, 61)),
    });
    expect(result.reasons).toEqual(['throughput 0.5 req/s < 5 req/s for 1 min', 'DB connections 160 > 150 for 1 min']);
  });

  it('marks the evaluation where a threshold was crossed', () => {
    const { state } = replay([rule()], 'error_rate', samplesFrom(repeat(12, 60)));
    const crossing = evaluateRules({
      rules: [rule()],
      samplesBySeries: { error_rate: samplesFrom([12], T0 + 60_000) },
      now: T0 + 60_000,
      previous: state,
      staleAfterMs: STALE_AFTER,
    });
    expect(crossing.perRule[0]).toMatchObject({ previousLevel: 1, level: 3 });
  });
});
