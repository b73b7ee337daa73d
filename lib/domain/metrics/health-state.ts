/**
 * The state a caller carries from one evaluation to the next, and the loop that advances a set of
 * checks over new samples. Rules and decision-tree conditions live side by side in one state,
 * told apart by key prefix, so one object can flow through both evaluators.
 */

import {
  advanceCheck,
  checkLevel,
  describeCheck,
  isCheckActive,
  isStale,
  restoreCheckState,
  type CheckState,
  type ThresholdCheck,
} from './sustained-check';
import type { Finding, HealthLevel, SamplesBySeries, SeriesUnits } from './types';

/** Opaque to callers: keep the whole object and hand it back as `previous`. Plain JSON. */
export type HealthState = { version: 1; checks: Record<string, CheckState> };

export type CheckOutcome = {
  check: ThresholdCheck;
  state: CheckState;
  level: HealthLevel;
  previousLevel: HealthLevel;
  /** A step is active, including level-1 "minor issue" steps. */
  active: boolean;
  previousActive: boolean;
  stale: boolean;
  finding: Finding | null;
};

export type RunChecksInput = {
  checks: ThresholdCheck[];
  samplesBySeries: SamplesBySeries;
  seriesUnits?: SeriesUnits;
  now: number;
  staleAfterMs: number;
  previous?: HealthState | null;
};

function previousChecks(previous: HealthState | null | undefined): Record<string, CheckState> {
  return previous && previous.version === 1 && previous.checks ? previous.checks : {};
}

/** Advances every check; a check whose series sent nothing new simply keeps its previous state. */
export function runChecks({
  checks,
  samplesBySeries,
  seriesUnits,
  now,
  staleAfterMs,
  previous,
}: RunChecksInput): CheckOutcome[] {
  const before = previousChecks(previous);
  return checks.map((check) => {
    const prior = before[check.key];
    const state = advanceCheck(check, prior, samplesBySeries[check.series] ?? [], seriesUnits?.[check.series]);
    const restored = restoreCheckState(check, prior);
    return {
      check,
      state,
      level: checkLevel(check, state),
      previousLevel: checkLevel(check, restored),
      active: isCheckActive(check, state),
      previousActive: isCheckActive(check, restored),
      stale: isStale(state, now, staleAfterMs),
      finding: describeCheck(check, state, now, staleAfterMs),
    };
  });
}

/**
 * A new state holding `outcomes` under `prefix`, plus whatever other prefixes `base` held. Checks
 * under `prefix` that no longer exist (a rule was deleted or edited) are dropped.
 */
export function withOutcomes(
  base: HealthState | null | undefined,
  prefix: string,
  outcomes: CheckOutcome[],
): HealthState {
  const checks: Record<string, CheckState> = {};
  for (const [key, state] of Object.entries(previousChecks(base))) {
    if (!key.startsWith(prefix)) checks[key] = state;
  }
  for (const o of outcomes) checks[o.check.key] = o.state;
  return { version: 1, checks };
}

export function maxLevel(levels: Iterable<HealthLevel>): HealthLevel {
  let max: HealthLevel = 1;
  for (const level of levels) if (level > max) max = level;
  return max;
}

/**
 * The reasons list: worst first, and each series named once, at its worst — a rule and a
 * decision-tree condition saying the same thing about the error rate should read as one line.
 */
export function mergeFindings(findings: Iterable<Finding | null>): string[] {
  const worstPerSeries = new Map<string, Finding>();
  for (const f of findings) {
    if (!f) continue;
    const seen = worstPerSeries.get(f.series);
    if (!seen || f.level > seen.level) worstPerSeries.set(f.series, f);
  }
  return [...worstPerSeries.values()]
    .map((f, order) => ({ f, order }))
    .sort((a, b) => b.f.level - a.f.level || a.order - b.order)
    .map(({ f }) => f.text);
}

/** Stale series keys, each once, in the order the checks were given. */
export function staleSeries(outcomes: Iterable<CheckOutcome>): string[] {
  const out = new Set<string>();
  for (const o of outcomes) if (o.stale) out.add(o.check.series);
  return [...out];
}
