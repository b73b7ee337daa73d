/**
 * The rollback decision tree: runbook levels ("error rate > 10 % → roll back now") turned into the
 * recommendation the IC sees live. Each condition is a threshold check with the same sustain and
 * hysteresis as metric rules; the recommendation is the worst of the rule levels and the levels
 * whose conditions hold. A level holds when any one of its conditions does — runbooks list
 * symptoms, and any one symptom is enough to act on.
 */

import type { DecisionCondition, DecisionLevel } from '../template-definition';
import type { RulesResult } from './evaluate-rules';
import { seriesLabel } from './format';
import {
  maxLevel,
  mergeFindings,
  runChecks,
  staleSeries,
  withOutcomes,
  type CheckOutcome,
  type HealthState,
} from './health-state';
import type { ThresholdCheck } from './sustained-check';
import type { Finding, HealthLevel, SamplesBySeries, SeriesUnits } from './types';

export const LEVEL_TITLES = {
  1: 'Keep going',
  2: 'Prepare rollback',
  3: 'Roll back now',
} as const satisfies Record<HealthLevel, string>;

export type RecommendationTitle = (typeof LEVEL_TITLES)[HealthLevel];

export type Recommendation = {
  level: HealthLevel;
  title: RecommendationTitle;
  /** Worst first, one line per series: "error rate 12.4 % > 10 % for 2 min 10 s". */
  reasons: string[];
  /** Keys of series with no recent data — not healthy, just unknown. */
  stale: string[];
};

export type ConditionStatus = {
  /** The decision level this condition belongs to. */
  decisionLevel: HealthLevel;
  series: string;
  name: string;
  comparison: '>' | '<';
  threshold: number;
  unit: string;
  /** Sustained (or held by hysteresis) right now. */
  active: boolean;
  /** Whether it was active at the previous evaluation — a change is worth an event. */
  previouslyActive: boolean;
  stale: boolean;
  /** Newest value in the condition's unit. */
  value: number | null;
  reason: string | null;
};

export type DecisionTreeResult = Recommendation & { perCondition: ConditionStatus[]; state: HealthState };

export type EvaluateDecisionTreeInput = {
  /** The deployment's tree; empty means "none", and DEFAULT_DECISION_TREE applies. */
  levels: readonly DecisionLevel[];
  samplesBySeries: SamplesBySeries;
  now: number;
  previous?: HealthState | null;
  staleAfterMs: number;
  seriesUnits?: SeriesUnits;
  /** The metric rules' result for the same moment, folded into the recommendation. */
  rules?: RulesResult;
};

export const TREE_STATE_PREFIX = 'tree:';

/**
 * Distilled from the canary runbook's rollback decision tree and its escalation criteria, for
 * deployments whose runbook has none. Error-rate conditions use a 30 s window: long enough to
 * ignore a blip, short enough that "roll back now" is said within the first minute and a half.
 */
export const DEFAULT_DECISION_TREE: DecisionLevel[] = [
  {
    level: 1,
    title: 'Minor issues (do not roll back)',
    action: 'Disable the problematic feature flag, monitor for resolution, open a ticket. Do not roll back.',
    conditions: [
      { series: 'error_rate', comparison: '>', value: 1, unit: '%', sustainSec: 60, text: 'Error rate above 1 %' },
      {
        series: 'p95_latency',
        comparison: '>',
        value: 500,
        unit: 'ms',
        sustainSec: 60,
        text: 'p95 latency above 500 ms',
      },
    ],
    symptoms: ['Isolated component failing', 'Can be fixed with a feature flag'],
  },
  {
    level: 2,
    title: 'Major issues (prepare rollback)',
    action:
      'Engage the IC, prepare the rollback without executing it, try feature flags; roll back if no improvement in 10 minutes.',
    conditions: [
      { series: 'error_rate', comparison: '>', value: 3, unit: '%', sustainSec: 30, text: 'Error rate 3–10 %' },
      {
        series: 'p95_latency',
        comparison: '>',
        value: 1000,
        unit: 'ms',
        sustainSec: 60,
        text: 'p95 latency above 1000 ms',
      },
      { series: 'cpu', comparison: '>', value: 85, unit: '%', sustainSec: 120, text: 'CPU above 85 % sustained' },
    ],
    symptoms: ['Core functionality degraded', 'Multiple components affected'],
  },
  {
    level: 3,
    title: 'Critical issues (roll back now)',
    action: 'The IC declares an emergency, executes the rollback immediately and pages all team members.',
    conditions: [
      { series: 'error_rate', comparison: '>', value: 10, unit: '%', sustainSec: 30, text: 'Error rate above 10 %' },
      { series: 'p99_latency', comparison: '>', value: 2, unit: 's', sustainSec: 60, text: 'p99 latency above 2 s' },
      {
        series: 'throughput',
        comparison: '<',
        value: 1,
        unit: 'req/s',
        sustainSec: 60,
        text: 'Service completely down',
      },
    ],
    symptoms: ['Service completely down', 'Data corruption detected', 'Security issue detected'],
  },
];

export function conditionCheck(level: HealthLevel, c: DecisionCondition): ThresholdCheck {
  const unit = c.unit ?? '';
  const sustainSec = c.sustainSec ?? 0;
  return {
    key: `${TREE_STATE_PREFIX}${level}|${c.series}|${c.comparison}|${c.value}|${unit}|${sustainSec}`,
    series: c.series,
    name: seriesLabel(c.series),
    comparison: c.comparison,
    unit,
    steps: [{ level, threshold: c.value }],
    sustainMs: sustainSec * 1000,
  };
}

/**
 * The deployment's own tree, or the default one limited to the series the deployment actually has —
 * a service that never reports p99 should not be told forever that p99 is missing.
 */
export function effectiveDecisionTree(
  levels: readonly DecisionLevel[],
  knownSeries: Iterable<string>,
): readonly DecisionLevel[] {
  if (levels.length > 0) return levels;
  const known = new Set(knownSeries);
  return DEFAULT_DECISION_TREE.map((l) => ({ ...l, conditions: l.conditions.filter((c) => known.has(c.series)) }));
}

function conditionStatus(level: HealthLevel, c: DecisionCondition, o: CheckOutcome): ConditionStatus {
  return {
    decisionLevel: level,
    series: c.series,
    name: o.check.name,
    comparison: c.comparison,
    threshold: c.value,
    unit: o.check.unit,
    active: o.active,
    previouslyActive: o.previousActive,
    stale: o.stale,
    value: o.state.lastValue,
    reason: o.finding?.text ?? null,
  };
}

export function evaluateDecisionTree(input: EvaluateDecisionTreeInput): DecisionTreeResult {
  const { samplesBySeries, now, staleAfterMs, seriesUnits, rules } = input;
  // Rules evaluated a moment ago already carried the previous tree state forward in their state.
  const previous = input.previous ?? rules?.state ?? null;
  const levels = effectiveDecisionTree(input.levels, [
    ...Object.keys(seriesUnits ?? {}),
    ...Object.keys(samplesBySeries),
  ]);
  const pairs = levels.flatMap((l) => l.conditions.map((c) => ({ level: l.level, condition: c })));
  const outcomes = runChecks({
    checks: pairs.map((p) => conditionCheck(p.level, p.condition)),
    samplesBySeries,
    seriesUnits,
    now,
    staleAfterMs,
    previous,
  });

  const ruleFindings: Finding[] = (rules?.perRule ?? [])
    .filter((r) => r.reason !== null)
    .map((r) => ({ level: r.level, series: r.series, text: r.reason as string }));
  const level = maxLevel([rules?.level ?? 1, ...outcomes.map((o) => o.level)]);
  const stale = [...new Set([...(rules?.stale ?? []), ...staleSeries(outcomes)])];

  return {
    level,
    title: LEVEL_TITLES[level],
    reasons: mergeFindings([...ruleFindings, ...outcomes.map((o) => o.finding)]),
    stale,
    perCondition: pairs.map((p, i) => conditionStatus(p.level, p.condition, outcomes[i])),
    // Rule entries come from the rules result (fresher than `previous`); tree entries are ours.
    state: withOutcomes(rules?.state ?? previous, TREE_STATE_PREFIX, outcomes),
  };
}
