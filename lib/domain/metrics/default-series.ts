/**
 * The series a typical web service reports during a go-live, and rules for them taken from the
 * runbooks' metric tables (target · alert-if) and escalation criteria. Used for deployments that
 * bring none, and by the simulator.
 */

import type { MetricRuleDefinition } from '../template-definition';

export type SeriesDefinition = { key: string; name: string; unit: string };

export const DEFAULT_SERIES: readonly SeriesDefinition[] = [
  { key: 'error_rate', name: 'Error rate', unit: '%' },
  { key: 'p95_latency', name: 'p95 latency', unit: 'ms' },
  { key: 'p99_latency', name: 'p99 latency', unit: 'ms' },
  { key: 'cpu', name: 'CPU', unit: '%' },
  { key: 'db_connections', name: 'DB connections', unit: '' },
  { key: 'throughput', name: 'Throughput', unit: 'req/s' },
];

/**
 * Error rate reacts within 30 s because a failing release hurts users every second; CPU needs two
 * minutes because short bursts during a rollout are normal.
 */
export const DEFAULT_RULES: MetricRuleDefinition[] = [
  { series: 'error_rate', comparison: '>', unit: '%', target: 1, warn: 3, critical: 10, sustainSec: 30 },
  { series: 'p95_latency', comparison: '>', unit: 'ms', target: 500, warn: 1000, critical: 2000, sustainSec: 60 },
  { series: 'p99_latency', comparison: '>', unit: 'ms', target: 1000, warn: 1500, critical: 2000, sustainSec: 60 },
  { series: 'cpu', comparison: '>', unit: '%', target: 70, warn: 85, critical: 95, sustainSec: 120 },
  { series: 'db_connections', comparison: '>', unit: '', target: 100, warn: 150, critical: 190, sustainSec: 60 },
  { series: 'throughput', comparison: '<', unit: 'req/s', target: 100, warn: 50, critical: 5, sustainSec: 60 },
];
