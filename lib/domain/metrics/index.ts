/** The metric health engine: pure functions, no I/O. */

export type { Finding, HealthLevel, Sample, SamplesBySeries, SeriesUnits } from './types';
export { formatDuration, formatMetric, seriesLabel } from './format';
export type { HealthState } from './health-state';
export { evaluateRules, type EvaluateRulesInput, type RuleStatus, type RulesResult } from './evaluate-rules';
export {
  DEFAULT_DECISION_TREE,
  LEVEL_TITLES,
  effectiveDecisionTree,
  evaluateDecisionTree,
  type ConditionStatus,
  type DecisionTreeResult,
  type EvaluateDecisionTreeInput,
  type Recommendation,
  type RecommendationTitle,
} from './decision-tree';
export { evaluateHealth, lookbackMs, type EvaluateHealthInput, type HealthResult } from './evaluate-health';
export { DEFAULT_RULES, DEFAULT_SERIES, type SeriesDefinition } from './default-series';
export {
  SCENARIOS,
  isScenario,
  simulateSamples,
  type Scenario,
  type SimulateInput,
  type SimulatedValue,
} from './simulator';
export { mulberry32 } from './prng';
export {
  MAX_CHART_BUCKETS,
  ROLLUP_BUCKETS_SEC,
  bucketFor,
  downsample,
  rollup,
  type ChartPoint,
  type Rollup,
} from './downsample';
export {
  DEFAULT_POLL_INTERVAL_SEC,
  DEFAULT_PUSH_INTERVAL_MS,
  SIMULATOR_INTERVAL_MS,
  SOURCE_KINDS,
  defaultNameFor,
  defaultUnitFor,
  effectiveRules,
  sampleIntervalMs,
  staleAfterMs,
  type SourceKind,
  type SourceSummary,
} from './sources';
export { parsePrometheusResponse, prometheusQueryUrl, type PrometheusReading } from './prometheus-response';
export {
  mergeLivePoints,
  ruleInUnit,
  thresholdBands,
  trend,
  valueLevel,
  yDomain,
  type Band,
  type SeriesPoint,
  type Trend,
} from './chart';
export {
  acknowledgedAfterChange,
  checkAcknowledge,
  needsAcknowledgement,
  type AcknowledgeCheck,
} from './acknowledgement';
