/**
 * Words for the health panel: how long something lasted, what a series is called, a value with its
 * unit. Reasons are read aloud in a war room, so they use "2 min 10 s", not "130000".
 */

import { formatValue } from '../thresholds';

/**
 * '45 s', '2 min 10 s', '1 h 5 min'. Rounds down, so "for 1 min" always means "at least a minute";
 * seconds are dropped once it is over an hour because nobody acts on them then.
 */
export function formatDuration(ms: number): string {
  const totalSec = Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 1000)) : 0;
  if (totalSec < 60) return `${totalSec} s`;
  const totalMin = Math.floor(totalSec / 60);
  if (totalMin < 60) {
    const sec = totalSec % 60;
    return sec ? `${totalMin} min ${sec} s` : `${totalMin} min`;
  }
  const hours = Math.floor(totalMin / 60);
  const min = totalMin % 60;
  return min ? `${hours} h ${min} min` : `${hours} h`;
}

/** Names the well-known series the way people say them; lower-case because they sit mid-sentence. */
const SERIES_NAMES: Record<string, string> = {
  error_rate: 'error rate',
  p50_latency: 'p50 latency',
  p95_latency: 'p95 latency',
  p99_latency: 'p99 latency',
  db_connections: 'DB connections',
  cpu: 'CPU',
  memory: 'memory',
  throughput: 'throughput',
};

/** Abbreviations that stay upper-case when a key is de-slugified ("api_errors" → "API errors"). */
const ACRONYMS = new Set(['api', 'cpu', 'db', 'gc', 'http', 'io', 'jvm', 'p95', 'p99', 'sql', 'tls']);

/** The human name of a series: the rule's own name if it has one, else a known name, else the key de-slugified. */
export function seriesLabel(key: string, override?: string | null): string {
  const custom = override?.trim();
  if (custom) return custom;
  const known = SERIES_NAMES[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.\-]+/)
    .filter(Boolean)
    .map((word) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word.toLowerCase()));
  return words.join(' ') || key;
}

/**
 * formatValue for the units it knows (ms, s, %); any other unit ("req/s") is appended as written
 * so a throughput reason still says what it counts.
 */
export function formatMetric(value: number, unit: string): string {
  const known = unit === 'ms' || unit === 's' || unit === '%' || unit === '';
  return known ? formatValue(value, unit) : `${formatValue(value, '')} ${unit}`;
}
