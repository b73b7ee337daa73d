import { ruleInUnit, valueLevel } from './metrics/chart';
import type { PublicPhase } from './public-status';
import type { MetricRuleDefinition } from './template-definition';

export type PhaseClock = { elapsedSec: number; plannedSec: number | null; over: boolean };

/**
 * How long the running phase has taken against its plan, for the wall's "12 min of 20 min
 * planned". A phase without a planned duration is never "over"; a clock that runs behind the
 * server's start time reads zero rather than a negative time.
 */
export function phaseClock(
  phase: Pick<PublicPhase, 'startedAt' | 'plannedDurationMin'>,
  now: number,
): PhaseClock | null {
  if (!phase.startedAt) return null;
  const elapsedSec = Math.max(0, Math.floor((now - new Date(phase.startedAt).getTime()) / 1000));
  const plannedSec = phase.plannedDurationMin == null ? null : phase.plannedDurationMin * 60;
  return { elapsedSec, plannedSec, over: plannedSec !== null && elapsedSec > plannedSec };
}

type ChartCandidate = {
  key: string;
  last: { value: number } | null;
  rule: Pick<MetricRuleDefinition, 'comparison' | 'warn' | 'critical' | 'unit'> | null;
  unit: string;
};

/**
 * The charts a wall has room for: the series a rule judges (they decide the health level), the
 * worst first so a red line is never the one cut, then in the order the war room sees them. A
 * deployment whose series no rule judges still shows its first ones: a wall with no lines at all
 * would look broken.
 */
export function keyCharts<S extends ChartCandidate>(series: readonly S[], max: number): S[] {
  const judged = series.filter((s) => s.rule);
  const pool = judged.length > 0 ? judged : series;
  const level = (s: S) => (s.rule ? valueLevel(s.last?.value ?? null, ruleInUnit(s.rule, s.unit)) : 1);
  return pool
    .map((s, index) => ({ s, index, level: level(s) }))
    .sort((a, b) => b.level - a.level || a.index - b.index)
    .slice(0, max)
    .map(({ s }) => s);
}
