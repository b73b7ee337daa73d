import type { MetricRuleDefinition } from '../template-definition';
import { convertUnit, normaliseUnit, parseThreshold, type Comparison, type Unit } from '../thresholds';
import { column, type TableData } from './tables';
import { oneLine, slugify, truncate } from './text';
import { parseDurationSec } from './time-hints';

/**
 * Metric names as runbooks write them ("API latency (p95)", "Error rate %", "Database CPU")
 * mapped to the series keys monitoring pushes, and metric tables read into rules.
 */

/** `bad` is the direction in which the metric gets worse, when that is obvious. */
export type KnownSeries = { series: string; bad: Comparison | null };

const KNOWN: Array<{ test: RegExp; series: string; bad: Comparison | null }> = [
  { test: /\bp99\b|99th/, series: 'p99_latency', bad: '>' },
  { test: /\bp95\b|95th/, series: 'p95_latency', bad: '>' },
  // Runbooks that say just "latency" or "response time" mean the p95 nearly always.
  { test: /latenc|response[- ]time/, series: 'p95_latency', bad: '>' },
  { test: /error[- ]?rate|errors?\s*(?:%|percent)|failure[- ]rate|5xx[- ]rate/, series: 'error_rate', bad: '>' },
  { test: /\bcpu\b/, series: 'cpu', bad: '>' },
  { test: /(?:\bdb\b|database).*connection|connection[- ]pool|active connections/, series: 'db_connections', bad: '>' },
  { test: /throughput|requests?\s*(?:\/|per)\s*s(?:ec|econd)?\b|\brps\b|\breq\/s\b/, series: 'throughput', bad: '<' },
  { test: /\bmemory\b|\bram\b|\bheap\b/, series: 'memory', bad: '>' },
  { test: /availability|uptime/, series: 'availability', bad: '<' },
];

export function knownSeries(name: string): KnownSeries | null {
  const lower = name.toLowerCase();
  const hit = KNOWN.find((k) => k.test.test(lower));
  return hit ? { series: hit.series, bad: hit.bad } : null;
}

/** Series key for a metric name: a common one when it is one, else the name in snake_case. */
export function seriesFor(name: string): string {
  const known = knownSeries(name);
  if (known) return known.series;
  const slug = slugify(name.replace(/\([^)]*\)/g, ' '), '_');
  return truncate(/^[a-z]/.test(slug) ? slug : `metric_${slug}`, 80).replace(/…$/, '') || 'metric';
}

export type Reading = { comparison: Comparison | null; value: number; unit: string };

const HAS_COMPARISON = /^\s*(?:>=|<=|>|<|≥|≤|above|below|over|under)/i;

/** "<100ms", "≥ 1000 RPS", "95%", "> 300 ms" → comparison (if written), number and unit. */
export function readValue(text: string): Reading | null {
  const clean = text
    .replace(/\*\*|`/g, '')
    .replace(/\u00a0/g, ' ')
    .trim();
  if (!clean || clean.length > 60) return null;
  const written = HAS_COMPARISON.test(clean);
  const threshold = parseThreshold(clean, '>');
  if (threshold)
    return { comparison: written ? threshold.comparison : null, value: threshold.value, unit: threshold.unit };
  const m = /^(>=|<=|>|<|≥|≤)?\s*(-?\d+(?:[.,]\d+)?)\s*([A-Za-z/]{1,12})?$/.exec(clean);
  if (!m) return null;
  const comparison = m[1] ? (m[1].startsWith('>') || m[1] === '≥' ? '>' : '<') : null;
  return { comparison, value: Number(m[2].replace(',', '.')), unit: (m[3] ?? '').toLowerCase() };
}

/** "> 1% for 5 min" → the threshold text and the sustain window in seconds. */
export function splitSustain(text: string): { threshold: string; sustainSec: number } {
  const m = /\s+(?:sustained\s+)?(?:for|over)\s+(.*)$/i.exec(text);
  if (!m) return { threshold: text.replace(/\s+sustained$/i, ''), sustainSec: 0 };
  return { threshold: text.slice(0, m.index), sustainSec: Math.min(86400, parseDurationSec(m[1]) ?? 0) };
}

export const opposite = (c: Comparison): Comparison => (c === '>' ? '<' : '>');

function toUnit(reading: Reading | null, unit: string): number | null {
  if (!reading) return null;
  const isTime = (u: string) => u === 'ms' || u === 's';
  if (isTime(reading.unit) && isTime(unit)) return convertUnit(reading.value, reading.unit as Unit, unit as Unit);
  return reading.value;
}

export type Warn = (line: number, message: string) => void;

/** Reads a "Metric | Target | Alert If" table (or the exporter's fuller form) into rules. */
export function rulesFromTable(table: TableData, warn: Warn): MetricRuleDefinition[] {
  const h = table.headers;
  const metricCol = Math.max(0, column(h, /metric|indicator|kpi|signal|measure/));
  const seriesCol = column(h, /^series$|^key$|series key/, [metricCol]);
  const targetCol = column(h, /target|goal|expected|baseline|normal|slo/, [metricCol]);
  const unitCol = column(h, /^unit/, [metricCol]);
  const sustainCol = column(h, /sustain|window|duration|^for$/, [metricCol]);
  let warnCol = column(h, /warn/, [metricCol, targetCol]);
  let critCol = column(h, /crit|page|severe|rollback/, [metricCol, targetCol, warnCol]);
  const alertCols = h
    .map((x, i) =>
      /alert|threshold|trigger|limit/.test(x) && ![metricCol, targetCol, warnCol, critCol].includes(i) ? i : -1,
    )
    .filter((i) => i >= 0);
  // One "Alert If" column is the line that pages someone: the critical threshold.
  if (critCol < 0 && alertCols.length) critCol = alertCols.length > 1 && warnCol < 0 ? alertCols[1] : alertCols[0];
  if (warnCol < 0 && alertCols.length > 1) warnCol = alertCols[0];

  const rules: MetricRuleDefinition[] = [];
  for (const row of table.rows) {
    const cell = (i: number) => (i >= 0 ? oneLine(row.cells[i] ?? '') : '');
    const name = truncate(cell(metricCol), 120);
    const explicitSeries = cell(seriesCol);
    if (!name && !explicitSeries) continue;
    const read = (i: number) => {
      const { threshold, sustainSec } = splitSustain(cell(i));
      return { reading: readValue(threshold), sustainSec };
    };
    const target = read(targetCol).reading;
    const warnAt = read(warnCol);
    const critAt = read(critCol);
    if (!target && !warnAt.reading && !critAt.reading) {
      if (cell(critCol) || cell(warnCol))
        warn(
          row.line,
          `Metric "${name}": could not read a threshold from "${cell(critCol) || cell(warnCol)}"; row skipped.`,
        );
      continue;
    }
    const series = /^[a-z][a-z0-9_.:-]{0,79}$/.test(explicitSeries) ? explicitSeries : seriesFor(name);
    const comparison: Comparison =
      critAt.reading?.comparison ??
      warnAt.reading?.comparison ??
      (target?.comparison ? opposite(target.comparison) : null) ??
      knownSeries(name)?.bad ??
      '>';
    const written = [critAt.reading, warnAt.reading, target].map((r) => r?.unit ?? '').filter(Boolean);
    // "< 1 s" next to "> 800 ms": milliseconds keep every value whole.
    const unit =
      unitCol >= 0
        ? truncate(cell(unitCol), 20)
        : written.includes('ms') && written.includes('s')
          ? 'ms'
          : (written[0] ?? '');
    const sustainCell = sustainCol >= 0 ? parseDurationSec(cell(sustainCol)) : null;
    rules.push({
      series,
      name: name || null,
      comparison,
      unit: unitCol >= 0 ? unit : normaliseUnit(unit) || unit,
      target: toUnit(target, unit),
      warn: toUnit(warnAt.reading, unit),
      critical: toUnit(critAt.reading, unit),
      sustainSec: Math.min(86400, sustainCell ?? (critAt.sustainSec || warnAt.sustainSec)),
    });
  }
  return rules;
}
