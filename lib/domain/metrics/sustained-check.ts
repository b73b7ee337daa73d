/**
 * The sustain/hysteresis machinery that metric rules and decision-tree conditions share.
 *
 * A check watches one series against one or more thresholds ("steps"), each raising the check to a
 * level. A step becomes active once its threshold has been breached continuously for the sustain
 * window, and stays active until the value has been back inside for that same window — so a value
 * hovering around a threshold neither raises an alarm on one bad sample nor flaps the
 * recommendation between "roll back now" and "keep going".
 *
 * The check is a reducer: it folds each sample newer than the last one it saw into its state, so
 * evaluating every second or once a minute, one sample or a thousand at a time, gives the same
 * answer. State is plain JSON (numbers and nulls) so callers may keep it in memory or store it.
 */

import { breaches, convertUnit, normaliseUnit, type Comparison } from '../thresholds';
import { formatDuration, formatMetric } from './format';
import type { Finding, HealthLevel, Sample } from './types';

/** Crossing `threshold` (for the sustain window) puts the check at `level`. */
export type CheckStep = { level: HealthLevel; threshold: number };

export type ThresholdCheck = {
  /** Stable identity for the check's state; changes when what it checks changes. */
  key: string;
  series: string;
  /** Human name used in reasons. */
  name: string;
  comparison: Comparison;
  /** Unit the thresholds are written in; samples are converted into it (s ↔ ms). */
  unit: string;
  steps: CheckStep[];
  sustainMs: number;
};

export type StepState = {
  threshold: number;
  /** Start of the current run of samples beyond the threshold; null while inside. */
  breachSince: number | null;
  /** Start of the current run of samples back inside; null while breaching. */
  insideSince: number | null;
  active: boolean;
};

export type CheckState = {
  /** Timestamp of the newest sample folded in; older or equal samples are ignored. */
  lastTs: number | null;
  /** Newest value, already in the check's unit. */
  lastValue: number | null;
  steps: StepState[];
};

function freshState(check: ThresholdCheck): CheckState {
  return {
    lastTs: null,
    lastValue: null,
    steps: check.steps.map((s) => ({ threshold: s.threshold, breachSince: null, insideSince: null, active: false })),
  };
}

/** A previous state is reused only if it was kept for exactly these thresholds. */
function compatible(check: ThresholdCheck, state: CheckState | undefined): state is CheckState {
  return (
    !!state &&
    Array.isArray(state.steps) &&
    state.steps.length === check.steps.length &&
    state.steps.every((s, i) => s.threshold === check.steps[i].threshold)
  );
}

function sortedByTs(samples: readonly Sample[]): readonly Sample[] {
  for (let i = 1; i < samples.length; i++) {
    if (samples[i].ts < samples[i - 1].ts) return [...samples].sort((a, b) => a.ts - b.ts);
  }
  return samples;
}

/** The previous state if it belongs to this check, else a fresh one (nothing seen yet). */
export function restoreCheckState(check: ThresholdCheck, previous: CheckState | undefined): CheckState {
  return compatible(check, previous) ? previous : freshState(check);
}

/** Folds the samples newer than the state's last one into a new state (the input state is not changed). */
export function advanceCheck(
  check: ThresholdCheck,
  previous: CheckState | undefined,
  samples: readonly Sample[],
  sampleUnit: string | undefined,
): CheckState {
  const state = restoreCheckState(check, previous);
  let { lastTs, lastValue } = state;
  const steps = state.steps.map((s) => ({ ...s }));
  const from = normaliseUnit(sampleUnit);
  const to = normaliseUnit(check.unit);
  for (const sample of sortedByTs(samples)) {
    if (!Number.isFinite(sample.value) || !Number.isFinite(sample.ts)) continue;
    // Late or repeated samples were already judged (or missed); re-judging them would reorder time.
    if (lastTs !== null && sample.ts <= lastTs) continue;
    const value = convertUnit(sample.value, from, to);
    for (const step of steps) {
      if (breaches(value, check.comparison, step.threshold)) {
        step.breachSince ??= sample.ts;
        step.insideSince = null;
      } else {
        step.insideSince ??= sample.ts;
        step.breachSince = null;
      }
      const sustained = step.breachSince !== null && sample.ts - step.breachSince >= check.sustainMs;
      const cleared = step.insideSince !== null && sample.ts - step.insideSince >= check.sustainMs;
      step.active = sustained || (step.active && !cleared);
    }
    lastTs = sample.ts;
    lastValue = value;
  }
  return { lastTs, lastValue, steps };
}

/** The highest active step, which decides the check's level and its reason. */
function topActiveStep(check: ThresholdCheck, state: CheckState): { step: CheckStep; run: StepState } | null {
  let best: { step: CheckStep; run: StepState } | null = null;
  for (let i = 0; i < check.steps.length; i++) {
    const step = check.steps[i];
    const run = state.steps[i];
    if (run?.active && (!best || step.level > best.step.level)) best = { step, run };
  }
  return best;
}

export function checkLevel(check: ThresholdCheck, state: CheckState): HealthLevel {
  return topActiveStep(check, state)?.step.level ?? 1;
}

/** True while a step at `level` or above is active (level-1 steps are "minor issue" conditions). */
export function isCheckActive(check: ThresholdCheck, state: CheckState): boolean {
  return topActiveStep(check, state) !== null;
}

/** No sample within `staleAfterMs` — missing data, which is never the same as healthy. */
export function isStale(state: CheckState, now: number, staleAfterMs: number): boolean {
  return state.lastTs === null || now - state.lastTs > staleAfterMs;
}

/** The threshold of the level the check is at, for display; null at level 1. */
export function activeThreshold(check: ThresholdCheck, state: CheckState): number | null {
  return topActiveStep(check, state)?.step.threshold ?? null;
}

/**
 * Why the check is where it is, in words: "error rate 12.4 % > 10 % for 2 min 10 s"; while a raised
 * level is held by hysteresis, "error rate 8.2 %, under 10 % for 20 s (clears after 1 min)";
 * when data is missing, "error rate: no data for 40 s". Null when there is nothing to say.
 */
export function describeCheck(
  check: ThresholdCheck,
  state: CheckState,
  now: number,
  staleAfterMs: number,
): Finding | null {
  const top = topActiveStep(check, state);
  const level = top?.step.level ?? 1;
  const value = state.lastValue;

  if (isStale(state, now, staleAfterMs)) {
    const silence = state.lastTs === null ? 'no data yet' : `no data for ${formatDuration(now - state.lastTs)}`;
    const last =
      top && value !== null
        ? ` — last ${formatMetric(value, check.unit)} ${check.comparison} ${formatMetric(top.step.threshold, check.unit)}`
        : '';
    return { level, series: check.series, text: `${check.name}: ${silence}${last}` };
  }
  if (!top || value === null || state.lastTs === null) return null;

  const threshold = formatMetric(top.step.threshold, check.unit);
  const reading = `${check.name} ${formatMetric(value, check.unit)}`;
  if (top.run.breachSince !== null) {
    const lasted = state.lastTs - top.run.breachSince;
    const forText = lasted >= 1000 ? ` for ${formatDuration(lasted)}` : '';
    return { level, series: check.series, text: `${reading} ${check.comparison} ${threshold}${forText}` };
  }
  const side = check.comparison === '>' ? 'under' : 'over';
  const inside = formatDuration(state.lastTs - (top.run.insideSince ?? state.lastTs));
  return {
    level,
    series: check.series,
    text: `${reading}, ${side} ${threshold} for ${inside} (clears after ${formatDuration(check.sustainMs)})`,
  };
}
