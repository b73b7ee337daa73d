/**
 * The one call most callers want: metric rules and the decision tree together, one state in and
 * one state out, giving the recommendation the IC sees plus per-rule and per-condition detail.
 */

import type { DecisionLevel, MetricRuleDefinition } from '../template-definition';
import { evaluateDecisionTree, type ConditionStatus, type Recommendation } from './decision-tree';
import { evaluateRules, type EvaluateRulesInput, type RuleStatus } from './evaluate-rules';
import type { HealthState } from './health-state';

export type EvaluateHealthInput = EvaluateRulesInput & {
  /** The deployment's decision tree; empty = DEFAULT_DECISION_TREE (for the series the deployment has). */
  levels: readonly DecisionLevel[];
};

export type HealthResult = Recommendation & {
  perRule: RuleStatus[];
  perCondition: ConditionStatus[];
  /** Hand back as `previous` next time. */
  state: HealthState;
};

export function evaluateHealth(input: EvaluateHealthInput): HealthResult {
  const rules = evaluateRules(input);
  const tree = evaluateDecisionTree({ ...input, rules });
  return {
    level: tree.level,
    title: tree.title,
    reasons: tree.reasons,
    stale: tree.stale,
    perRule: rules.perRule,
    perCondition: tree.perCondition,
    state: tree.state,
  };
}

/**
 * How much history to load when there is no previous state (a restart, a new process): enough to
 * see a breach last its whole window and then clear for its whole window, plus a minute of margin.
 */
export function lookbackMs({
  rules,
  levels,
}: {
  rules: readonly MetricRuleDefinition[];
  levels: readonly DecisionLevel[];
}): number {
  const sustains = [
    ...rules.map((r) => r.sustainSec ?? 0),
    ...levels.flatMap((l) => l.conditions.map((c) => c.sustainSec ?? 0)),
  ];
  const longestSec = Math.max(0, ...sustains);
  return (2 * longestSec + 60) * 1000;
}
