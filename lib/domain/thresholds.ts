/**
 * Threshold text as runbooks write it ("<100ms", ">1%", "> 300 ms", "<0.1%", ">= 5 s") parsed into
 * a comparison, a number and a unit. Shared by the runbook importer and the metric rules.
 */

export type Comparison = '>' | '<';
export type Unit = 'ms' | 's' | '%' | '';

export type Threshold = { comparison: Comparison; value: number; unit: Unit };

const THRESHOLD =
  /^\s*(>=|<=|>|<|≥|≤|above|below|over|under)?\s*(-?\d+(?:[.,]\d+)?)\s*(ms|milliseconds?|s|sec|seconds?|%|percent)?\s*$/i;

const COMPARISON: Record<string, Comparison> = {
  '>': '>',
  '>=': '>',
  '≥': '>',
  above: '>',
  over: '>',
  '<': '<',
  '<=': '<',
  '≤': '<',
  below: '<',
  under: '<',
};

export function normaliseUnit(raw: string | undefined | null): Unit {
  const u = (raw ?? '').toLowerCase();
  if (u === 'ms' || u.startsWith('millisecond')) return 'ms';
  if (u === 's' || u === 'sec' || u.startsWith('second')) return 's';
  if (u === '%' || u === 'percent') return '%';
  return '';
}

/** Parses one threshold; `null` when the text is not a single comparison with a number. */
export function parseThreshold(text: string, defaultComparison?: Comparison): Threshold | null {
  const match = THRESHOLD.exec(text.replace(/\*\*/g, ''));
  if (!match) return null;
  const comparison = match[1] ? COMPARISON[match[1].toLowerCase()] : defaultComparison;
  if (!comparison) return null;
  const value = Number(match[2].replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  return { comparison, value, unit: normaliseUnit(match[3]) };
}

/** Converts a value between time units; percentages and unitless values pass through. */
export function convertUnit(value: number, from: Unit, to: Unit): number {
  if (from === to) return value;
  if (from === 's' && to === 'ms') return value * 1000;
  if (from === 'ms' && to === 's') return value / 1000;
  return value;
}

export function breaches(value: number, comparison: Comparison, threshold: number): boolean {
  return comparison === '>' ? value > threshold : value < threshold;
}

export function formatValue(value: number, unit: Unit | string): string {
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  if (unit === '%') return `${rounded} %`;
  if (unit === 'ms' || unit === 's') return `${rounded} ${unit}`;
  return `${rounded}`;
}
