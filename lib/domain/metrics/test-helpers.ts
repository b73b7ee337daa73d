/** Builders shared by this folder's tests (not exported from index). */

import type { MetricRuleDefinition } from '../template-definition';
import type { Sample } from './types';

export const T0 = Date.UTC(2026, 2, 14, 9, 0, 0);

/** One sample per `stepMs` starting at `start`. */
export function samplesFrom(values: readonly number[], start = T0, stepMs = 1000): Sample[] {
  return values.map((value, i) => ({ ts: start + i * stepMs, value }));
}

/** `count` copies of `value` — "12 % for 90 s" reads as repeat(12, 90). */
export function repeat(value: number, count: number): number[] {
  return Array.from({ length: count }, () => value);
}

export function rule(overrides: Partial<MetricRuleDefinition> = {}): MetricRuleDefinition {
  return {
    series: 'error_rate',
    comparison: '>',
    unit: '%',
    target: 1,
    warn: 3,
    critical: 10,
    sustainSec: 60,
    ...overrides,
  };
}
