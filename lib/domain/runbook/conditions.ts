import type { DecisionCondition, MetricRuleDefinition } from '../template-definition';
import { convertUnit, normaliseUnit, type Comparison, type Unit } from '../thresholds';
import { knownSeries, seriesFor } from './read-metrics';
import { oneLine, stripStatusMarks, truncate } from './text';
import { parseDurationSec } from './time-hints';

/**
 * One rollback-trigger bullet ("Error rate > 10%", ">5% error rate sustained for >10 minutes",
 * "p95 latency 500-1000ms") read into a machine-checkable condition, or kept as a symptom.
 */

export type SeriesInfo = { series: string; bad: Comparison | null; unit: string | null };
export type SeriesLookup = (metricName: string) => SeriesInfo | null;

/** Series the decision engine can evaluate: those with a rule, and the common ones. */
export function seriesLookup(rules: MetricRuleDefinition[]): SeriesLookup {
  const bySeries = new Map(rules.map((r) => [r.series, r]));
  return (name) => {
    const series = seriesFor(name);
    const rule = bySeries.get(series);
    if (rule) return { series, bad: rule.comparison, unit: rule.unit };
    const known = knownSeries(name);
    return known ? { series: known.series, bad: known.bad, unit: null } : null;
  };
}

export type BulletReading =
  { kind: 'condition'; condition: DecisionCondition } | { kind: 'symptom'; text: string; ambiguous: boolean };

const UNIT = String.raw`(%|ms|milliseconds?|s|secs?|seconds?|percent)?`;
const NUMBER = String.raw`(-?\d+(?:[.,]\d+)?)`;
const METRIC = String.raw`([A-Za-z][A-Za-z0-9 /()%._-]{0,60}?)`;
const CMP = String.raw`(>=|<=|>|<|above|below|over|under|exceeds?|greater than|less than)`;

const METRIC_FIRST = new RegExp(String.raw`^${METRIC}\s*${CMP}\s*${NUMBER}\s*${UNIT}$`, 'i');
const VALUE_FIRST = new RegExp(String.raw`^(>=|<=|>|<)\s*${NUMBER}\s*${UNIT}\s+(?:of\s+)?${METRIC}$`, 'i');
const RANGE = new RegExp(String.raw`^${METRIC}\s+${NUMBER}\s*(?:-|–|—|to)\s*${NUMBER}\s*${UNIT}$`, 'i');
const SUSTAIN =
  /\s*,?\s*\b(?:sustained\s+)?(?:for|over)\s*(?:>|>=|more than|at least)?\s*(\d+(?:\.\d+)?\s*(?:seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h))\b/i;
const THRESHOLD_LIKE = /[<>≥≤]\s*-?\d|\d\s*(?:-|–)\s*\d+\s*(?:%|ms)/;

/** The exporter's exact form, written as inline code: `error_rate > 5 % for 600s`. */
const CANONICAL = /^([a-z][a-z0-9_.:-]{0,79})\s*(>|<)\s*(-?\d+(?:\.\d+)?)\s*(\S{1,20})?(?:\s+for\s+(\d+)s)?$/;

const toComparison = (word: string): Comparison => (/^(>|above|over|exceed|greater)/i.test(word) ? '>' : '<');
const num = (text: string) => Number(text.replace(',', '.'));

export function formatCondition(c: DecisionCondition): string {
  return `${c.series} ${c.comparison} ${c.value}${c.unit ? ` ${c.unit}` : ''}${c.sustainSec ? ` for ${c.sustainSec}s` : ''}`;
}

export function readCanonical(code: string, text: string): DecisionCondition | null {
  const m = CANONICAL.exec(code.trim());
  if (!m || !Number.isFinite(Number(m[3]))) return null;
  return {
    series: m[1],
    comparison: m[2] as Comparison,
    value: Number(m[3]),
    unit: m[4] ?? '',
    sustainSec: m[5] ? Number(m[5]) : 0,
    text: truncate(text, 500),
  };
}

export function readBullet(raw: string, lookup: SeriesLookup): BulletReading {
  const line = oneLine(raw).slice(0, 600);
  // "Symptom: …" is the exporter saying "take this verbatim".
  const forced = /^symptom:\s*/i.exec(line);
  if (forced) return { kind: 'symptom', text: truncate(line.slice(forced[0].length), 500), ambiguous: false };
  const text = truncate(stripStatusMarks(line).replace(/\.$/, ''), 500);

  let rest = text.replace(/≥/g, '>=').replace(/≤/g, '<=');
  let sustainSec = 0;
  const sustain = SUSTAIN.exec(rest);
  if (sustain) {
    sustainSec = parseDurationSec(sustain[1]) ?? 0;
    rest = rest.slice(0, sustain.index) + rest.slice(sustain.index + sustain[0].length);
  }
  rest = rest
    .replace(/\s+sustained\s*$/i, '')
    .replace(/^([^:]{1,60}):\s*/, '$1 ')
    .trim();

  let metric: string;
  let comparison: Comparison | null = null;
  let value: number;
  let unitText: string | undefined;
  let range: [number, number] | null = null;
  let m: RegExpExecArray | null;
  if ((m = METRIC_FIRST.exec(rest))) {
    [metric, comparison, value, unitText] = [m[1], toComparison(m[2]), num(m[3]), m[4]];
  } else if ((m = VALUE_FIRST.exec(rest))) {
    [comparison, value, unitText, metric] = [toComparison(m[1]), num(m[2]), m[3], m[4]];
  } else if ((m = RANGE.exec(rest))) {
    [metric, range, unitText] = [m[1], [num(m[2]), num(m[3])], m[4]];
    value = range[0];
  } else {
    return { kind: 'symptom', text, ambiguous: THRESHOLD_LIKE.test(text) };
  }

  const info = lookup(metric.trim());
  if (!info) return { kind: 'symptom', text, ambiguous: true };
  if (range) {
    // "Error rate 3-10%" under "Major issues": the level starts at the lower bound.
    comparison = info.bad ?? '>';
    value = comparison === '>' ? Math.min(...range) : Math.max(...range);
  } else if (info.bad && comparison !== info.bad) {
    // "Audit log lag <5 seconds" under "Minor issues" bounds the symptom, it is no trigger.
    return { kind: 'symptom', text, ambiguous: false };
  }
  let unit: string = normaliseUnit(unitText);
  const ruleUnit = info.unit ?? '';
  if ((unit === 'ms' || unit === 's') && (ruleUnit === 'ms' || ruleUnit === 's') && unit !== ruleUnit) {
    value = convertUnit(value, unit as Unit, ruleUnit as Unit);
    unit = ruleUnit;
  }
  if (!unit) unit = ruleUnit;
  return {
    kind: 'condition',
    condition: { series: info.series, comparison: comparison!, value, unit, sustainSec, text },
  };
}
