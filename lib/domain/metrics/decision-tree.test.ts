import { describe, expect, it } from 'vitest';
import type { DecisionLevel } from '../template-definition';
import { DEFAULT_DECISION_TREE, evaluateDecisionTree, type DecisionTreeResult } from './decision-tree';
import { DEFAULT_RULES, DEFAULT_SERIES } from './default-series';
import { evaluateHealth, lookbackMs } from './evaluate-health';
import { evaluateRules } from './evaluate-rules';
import type { HealthState } from './health-state';
import { repeat, rule, samplesFrom, T0 } from './test-helpers';
import type { Sample } from './types';

const STALE_AFTER = 3_000;
const UNITS = Object.fromEntries(DEFAULT_SERIES.map((s) => [s.key, s.unit]));

/** The default tree judging `seconds` of one series held at `value`, sampled at 1 Hz. */
function defaultTree(series: string, value: number, seconds: number): DecisionTreeResult {
  const samples = samplesFrom(repeat(value, seconds + 1));
  return evaluateDecisionTree({
    levels: [],
    samplesBySeries: { [series]: samples },
    seriesUnits: { [series]: UNITS[series] },
    now: samples[samples.length - 1].ts,
    staleAfterMs: STALE_AFTER,
  });
}

describe('the default tree follows the runbook', () => {
  it('error rate 3–10 % → prepare rollback; > 10 % → roll back now', () => {
    expect(defaultTree('error_rate', 5, 30)).toMatchObject({ level: 2, title: 'Prepare rollback' });
    expect(defaultTree('error_rate', 12, 30)).toMatchObject({
      level: 3,
      title: 'Roll back now',
      reasons: ['error rate 12 % > 10 % for 30 s'],
    });
  });

  it('error rate 1–3 % is a minor issue: keep going, but say so', () => {
    expect(defaultTree('error_rate', 2, 60)).toMatchObject({
      level: 1,
      title: 'Keep going',
      reasons: ['error rate 2 % > 1 % for 1 min'],
    });
    expect(defaultTree('error_rate', 0.5, 60)).toMatchObject({ level: 1, reasons: [] });
  });

  it('p99 latency over 2 s → roll back now, judging millisecond samples against seconds', () => {
    expect(defaultTree('p99_latency', 2500, 60)).toMatchObject({
      level: 3,
      reasons: ['p99 latency 2.5 s > 2 s for 1 min'],
    });
    expect(defaultTree('p99_latency', 1900, 60).level).toBe(1);
  });

  it('p95 latency over 1000 ms → prepare rollback', () => {
    expect(defaultTree('p95_latency', 1200, 60).level).toBe(2);
    expect(defaultTree('p95_latency', 700, 60)).toMatchObject({
      level: 1,
      reasons: ['p95 latency 700 ms > 500 ms for 1 min'],
    });
  });

  it('CPU must stay above 85 % for two minutes before it matters', () => {
    expect(defaultTree('cpu', 90, 60).level).toBe(1);
    expect(defaultTree('cpu', 90, 120).level).toBe(2);
  });

  it('throughput near zero means the service is down → roll back now', () => {
    expect(defaultTree('throughput', 0, 60)).toMatchObject({
      level: 3,
      reasons: ['throughput 0 req/s < 1 req/s for 1 min'],
    });
  });

  it('only judges the series the deployment has, so nothing is reported missing that never existed', () => {
    const result = defaultTree('error_rate', 0.5, 10);
    expect(result.stale).toEqual([]);
    expect(result.perCondition.every((c) => c.series === 'error_rate')).toBe(true);
  });
});

describe("a runbook's own tree", () => {
  // Blue-green runbook: "> 5 % error rate sustained for > 10 minutes" → immediate rollback.
  const blueGreen: DecisionLevel[] = [
    {
      level: 3,
      title: 'Immediate rollback',
      action: '',
      conditions: [
        {
          series: 'error_rate',
          comparison: '>',
          value: 5,
          unit: '%',
          sustainSec: 600,
          text: '>5% error rate sustained for >10 minutes',
        },
      ],
      symptoms: ['Data corruption detected'],
    },
    {
      level: 2,
      title: 'Planned rollback',
      action: '',
      conditions: [
        {
          series: 'error_rate',
          comparison: '>',
          value: 2,
          unit: '%',
          sustainSec: 1800,
          text: '>2% error rate sustained for >30 minutes',
        },
      ],
      symptoms: [],
    },
  ];

  function run(values: number[], previous?: HealthState) {
    const samples = samplesFrom(values);
    return evaluateDecisionTree({
      levels: blueGreen,
      samplesBySeries: { error_rate: samples },
      now: samples[samples.length - 1].ts,
      previous,
      staleAfterMs: STALE_AFTER,
    });
  }

  it('replaces the default tree and uses its own windows', () => {
    expect(run(repeat(6, 9 * 60)).level).toBe(1);
    expect(run(repeat(6, 10 * 60 + 1))).toMatchObject({ level: 3, reasons: ['error rate 6 % > 5 % for 10 min'] });
    expect(run(repeat(12, 60)).level).toBe(1);
  });

  it('holds a level through a short dip, like rules do', () => {
    const raised = run(repeat(6, 10 * 60 + 1));
    const dip = evaluateDecisionTree({
      levels: blueGreen,
      samplesBySeries: { error_rate: samplesFrom(repeat(1, 120), T0 + 601_000) },
      now: T0 + 720_000,
      previous: raised.state,
      staleAfterMs: STALE_AFTER,
    });
    expect(dip.level).toBe(3);
    expect(dip.perCondition[0]).toMatchObject({ active: true, previouslyActive: true });
  });

  it('reports a condition whose series never arrived as stale', () => {
    const levels: DecisionLevel[] = [
      {
        level: 3,
        title: 'x',
        action: '',
        symptoms: [],
        conditions: [{ series: 'queue_depth', comparison: '>', value: 1000, unit: '', sustainSec: 0, text: '' }],
      },
    ];
    const result = evaluateDecisionTree({ levels, samplesBySeries: {}, now: T0, staleAfterMs: STALE_AFTER });
    expect(result).toMatchObject({ level: 1, stale: ['queue_depth'], reasons: ['queue depth: no data yet'] });
  });
});

describe('rules and tree together', () => {
  it('the recommendation is the worst of the rule levels and the tree levels', () => {
    const samplesBySeries = { db_connections: samplesFrom(repeat(195, 61)), error_rate: samplesFrom(repeat(2, 61)) };
    const seriesUnits = { db_connections: '', error_rate: '%' };
    const watched = DEFAULT_RULES.filter((r) => r.series in samplesBySeries);
    const now = T0 + 60_000;
    const rules = evaluateRules({ rules: watched, samplesBySeries, now, staleAfterMs: STALE_AFTER, seriesUnits });
    const result = evaluateDecisionTree({
      levels: [],
      samplesBySeries,
      now,
      staleAfterMs: STALE_AFTER,
      seriesUnits,
      rules,
    });
    expect(result.level).toBe(3);
    expect(result.title).toBe('Roll back now');
    expect(result.reasons).toEqual(['DB connections 195 > 190 for 1 min', 'error rate 2 % > 1 % for 1 min']);
  });

  it('says each series once, at its worst, when a rule and a condition agree', () => {
    const samples = samplesFrom(repeat(12, 61));
    const result = evaluateHealth({
      rules: DEFAULT_RULES,
      levels: [],
      samplesBySeries: { error_rate: samples },
      seriesUnits: UNITS,
      now: samples[60].ts,
      staleAfterMs: STALE_AFTER,
    });
    expect(result.level).toBe(3);
    expect(result.reasons[0]).toBe('error rate 12 % > 10 % for 1 min');
    expect(result.reasons.filter((r) => r.startsWith('error rate'))).toHaveLength(1);
    // The default rules also watch series this deployment never sent: those are missing, not fine.
    expect(result.stale).toEqual(['p95_latency', 'p99_latency', 'cpu', 'db_connections', 'throughput']);
    expect(result.reasons).toContain('p99 latency: no data yet');
  });

  it('carries rule and tree state through one object across evaluations', () => {
    let state: HealthState | undefined;
    let level = 1;
    const values = [...repeat(12, 40), ...repeat(0.5, 30)];
    values.forEach((value, i) => {
      const s: Sample = { ts: T0 + i * 1000, value };
      const result = evaluateHealth({
        rules: [rule({ sustainSec: 30 })],
        levels: DEFAULT_DECISION_TREE,
        samplesBySeries: { error_rate: [s] },
        now: s.ts,
        previous: state,
        staleAfterMs: STALE_AFTER,
      });
      state = JSON.parse(JSON.stringify(result.state)) as HealthState;
      level = result.level;
    });
    // Raised at 30 s; back inside for 29 s — not yet cleared.
    expect(level).toBe(3);
    expect(Object.keys(state!.checks).some((k) => k.startsWith('rule:'))).toBe(true);
    expect(Object.keys(state!.checks).some((k) => k.startsWith('tree:'))).toBe(true);
  });

  it('loads enough history on a cold start to see the longest window raise and clear', () => {
    expect(lookbackMs({ rules: DEFAULT_RULES, levels: DEFAULT_DECISION_TREE })).toBe((2 * 120 + 60) * 1000);
  });
});
