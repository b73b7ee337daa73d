/**
 * Where a deployment's samples come from (push, the simulator, a Prometheus poller) and what that
 * means for staleness: a series is stale when no sample came for three of its source's intervals.
 */

import type { MetricRuleDefinition } from '../template-definition';
import { DEFAULT_RULES, DEFAULT_SERIES } from './default-series';

export const SOURCE_KINDS = ['simulator', 'prometheus'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The simulator writes one sample per series per second. */
export const SIMULATOR_INTERVAL_MS = 1000;
/** Pipelines that push say nothing about their rhythm; assume every 10 s. */
export const DEFAULT_PUSH_INTERVAL_MS = 10_000;
export const DEFAULT_POLL_INTERVAL_SEC = 5;
/**
 * A floor under "three intervals": at 1 Hz a single slow tick would otherwise grey out every chart
 * for a moment, and a flickering "stale" badge trains people to ignore it.
 */
export const MIN_STALE_AFTER_MS = 5_000;

/**
 * The most GETs one Prometheus source may cost a second. Each poll is one GET per query, so an
 * IC's settings (50 queries every second) could otherwise make the server a 50-requests-a-second
 * client of whatever address they typed.
 */
export const MAX_PROMETHEUS_REQUESTS_PER_SEC = 5;

/** The shortest interval a Prometheus source with this many queries may be polled at. */
export function minPollIntervalSec(queryCount: number): number {
  return Math.max(1, Math.ceil(queryCount / MAX_PROMETHEUS_REQUESTS_PER_SEC));
}

/**
 * The interval a Prometheus source is really polled at: its own, never under the floor its
 * query count sets (settings saved before the floor existed included).
 */
export function pollIntervalSec(config: unknown): number {
  const { intervalSec, queries } = (config ?? {}) as { intervalSec?: unknown; queries?: unknown };
  const asked = Number(intervalSec ?? DEFAULT_POLL_INTERVAL_SEC);
  const own = Number.isFinite(asked) && asked > 0 ? asked : DEFAULT_POLL_INTERVAL_SEC;
  const count = queries && typeof queries === 'object' ? Object.keys(queries).length : 0;
  return Math.max(own, minPollIntervalSec(count));
}

export type SourceSummary = { kind: string; active: boolean; config: unknown };

function intervalOf(source: SourceSummary): number | null {
  if (!source.active) return null;
  if (source.kind === 'simulator') return SIMULATOR_INTERVAL_MS;
  if (source.kind === 'prometheus') return pollIntervalSec(source.config) * 1000;
  return null;
}

/** The rhythm samples should arrive at: the fastest active source, else the push default. */
export function sampleIntervalMs(sources: readonly SourceSummary[]): number {
  const intervals = sources.map(intervalOf).filter((ms): ms is number => ms !== null);
  return intervals.length ? Math.min(...intervals) : DEFAULT_PUSH_INTERVAL_MS;
}

export function staleAfterMs(intervalMs: number): number {
  return Math.max(MIN_STALE_AFTER_MS, 3 * intervalMs);
}

/**
 * The rules a deployment is judged by: its own when it has any, else the standard go-live table
 * (DEFAULT_RULES) for the series it actually reports — a service without p99 is not told forever
 * that p99 is missing.
 */
export function effectiveRules(
  stored: readonly MetricRuleDefinition[],
  knownSeries: Iterable<string>,
): MetricRuleDefinition[] {
  if (stored.length > 0) return [...stored];
  const known = new Set(knownSeries);
  return DEFAULT_RULES.filter((rule) => known.has(rule.series));
}

/** Unit a series is stored in when nobody said: its rule's unit, else the well-known series' unit. */
export function defaultUnitFor(series: string, rules: readonly MetricRuleDefinition[] = []): string {
  const rule = rules.find((r) => r.series === series);
  if (rule) return rule.unit ?? '';
  return DEFAULT_SERIES.find((s) => s.key === series)?.unit ?? '';
}

/** Human name stored with a new series ("Error rate"). */
export function defaultNameFor(series: string): string {
  return DEFAULT_SERIES.find((s) => s.key === series)?.name ?? series;
}
