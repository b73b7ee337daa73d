/**
 * Metric rules → health level. A rule (target / warn / critical, sustain window) is at level 2 once
 * its warn threshold has been breached for the whole sustain window, level 3 likewise for critical,
 * and it comes down only after the value stayed back inside for that window (see sustained-check).
 * A series that went quiet keeps its rule's last level and is reported as stale: silence during a
 * go-live is a reason to look, never a sign of health.
 */

import type { MetricRuleDefinition } from '../template-definition';
import { breaches } from '../thresholds';
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
import { activeThreshold, type CheckStep, type ThresholdCheck } from './sustained-check';
import type { HealthLevel, SamplesBySeries, SeriesUnits } from './types';

export type EvaluateRulesInput = {
  rules: readonly MetricRuleDefinition[];
  /** Samples per series key, sorted by ts. Only samples newer than `previous` saw are used. */
  samplesBySeries: SamplesBySeries;
  now: number;
  /** What the last evaluation returned as `state`; omit on the first evaluation. */
  previous?: HealthState | null;
  /** A series with no sample this recent is stale; callers pass 3 × the push/poll interval. */
  staleAfterMs: number;
  /** Unit each series is pushed in; samples are converted (s ↔ ms) into the rule's unit. */
  seriesUnits?: SeriesUnits;
};

export type RuleStatus = {
  series: string;
  /** Human name ("error rate"). */
  name: string;
  comparison: '>' | '<';
  unit: string;
  level: HealthLevel;
  /** Level at the previous evaluation — differs from `level` when a threshold was crossed (worth an event). */
  previousLevel: HealthLevel;
  stale: boolean;
  /** Newest value in the rule's unit; null before any sample. */
  value: number | null;
  /** Threshold of the level the rule is at; null at level 1. */
  threshold: number | null;
  target: number | null;
  /** Newest value misses the target (no sustain) — a "minor" hint for the UI, not a level. */
  offTarget: boolean;
  reason: string | null;
};

export type RulesResult = {
  level: HealthLevel;
  reasons: string[];
  /** Keys of series with no recent data. */
  stale: string[];
  perRule: RuleStatus[];
  state: HealthState;
};

/** State keys of rules start with this; decision-tree conditions use their own prefix. */
export const RULE_STATE_PREFIX = 'rule:';

function ruleSteps(rule: MetricRuleDefinition): CheckStep[] {
  const steps: CheckStep[] = [];
  if (rule.warn !== null && rule.warn !== undefined) steps.push({ level: 2, threshold: rule.warn });
  if (rule.critical !== null && rule.critical !== undefined) steps.push({ level: 3, threshold: rule.critical });
  return steps;
}

/**
 * Rules carry no id, so a rule's state is keyed by what it checks: editing a threshold starts that
 * rule afresh instead of inheriting a level earned under different numbers.
 */
export function ruleCheck(rule: MetricRuleDefinition): ThresholdCheck {
  const unit = rule.unit ?? '';
  const sustainSec = rule.sustainSec ?? 0;
  return {
    key: `${RULE_STATE_PREFIX}${rule.series}|${rule.comparison}|${unit}|${rule.warn ?? ''}|${rule.critical ?? ''}|${sustainSec}`,
    series: rule.series,
    name: seriesLabel(rule.series, rule.name),
    comparison: rule.comparison,
    unit,
    steps: ruleSteps(rule),
    sustainMs: sustainSec * 1000,
  };
}

function ruleStatus(rule: MetricRuleDefinition, outcome: CheckOutcome): RuleStatus {
  const { check, state } = outcome;
  const target = rule.target ?? null;
  const value = state.lastValue;
  return {
    series: rule.series,
    name: check.name,
    comparison: rule.comparison,
    unit: check.unit,
    level: outcome.level,
    previousLevel: outcome.previousLevel,
    stale: outcome.stale,
    value,
    threshold: activeThreshold(check, state),
    target,
    offTarget: target !== null && value !== null && breaches(value, rule.comparison, target),
    reason: outcome.finding?.text ?? null,
  };
}

export function evaluateRules({
  rules,
  samplesBySeries,
  now,
  previous,
  staleAfterMs,
  seriesUnits,
}: EvaluateRulesInput): RulesResult {
  const outcomes = runChecks({
    checks: rules.map(ruleCheck),
    samplesBySeries,
    seriesUnits,
    now,
    staleAfterMs,
    previous,
  });
  return {
    level: maxLevel(outcomes.map((o) => o.level)),
    reasons: mergeFindings(outcomes.map((o) => o.finding)),
    stale: staleSeries(outcomes),
    perRule: rules.map((rule, i) => ruleStatus(rule, outcomes[i])),
    state: withOutcomes(previous, RULE_STATE_PREFIX, outcomes),
  };
}
