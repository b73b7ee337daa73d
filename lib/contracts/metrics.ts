import type { SeriesPoint } from '@/lib/domain/metrics/chart';
import type { MetricRuleDefinition } from '@/lib/domain/template-definition';

/** The `health` block of the deployment state. */
export type HealthDto = {
  level: 1 | 2 | 3;
  reasons: string[];
  stale: string[];
  acknowledgedLevel: number;
  evaluatedAt: string | null;
};

export type SeriesDto = {
  key: string;
  name: string;
  unit: string;
  /** Sorted by ts (epoch ms). Rollup points carry the bucket's min and max. */
  points: SeriesPoint[];
  /** The newest sample ever, whatever the range. */
  last: { ts: number; value: number } | null;
  /** The rule judging this series (the deployment's own or the standard one), if any. */
  rule: (MetricRuleDefinition & { id: string | null }) | null;
};

/** `GET /api/deployments/:id/metrics`. */
export type MetricsDto = {
  from: number;
  to: number;
  /** 0 = raw samples, else the rollup bucket size in seconds. */
  bucketSec: number;
  /** A series whose newest sample is older than this is stale. */
  staleAfterMs: number;
  /** The server's clock when answering, so a browser with a skewed clock still judges staleness right. */
  serverTime: number;
  series: SeriesDto[];
};

export type RuleDto = {
  id: string | null;
  series: string;
  comparison: '>' | '<';
  unit: string;
  target: number | null;
  warn: number | null;
  critical: number | null;
  sustainSec: number;
};

/** `GET /api/deployments/:id/rules`; `defaults` when the standard go-live rules apply. */
export type RulesDto = { rules: RuleDto[]; defaults: boolean };

export type SourceDto = {
  id: string;
  kind: string;
  active: boolean;
  healthy: boolean;
  lastError: string | null;
  lastPolledAt: string | null;
  createdAt: string;
  /** Simulator: the scenario and when it started. */
  scenario?: string;
  startedAt?: string;
  /** Prometheus, for managers only. */
  config?: Record<string, unknown>;
};

/** `GET /api/deployments/:id/sources`. */
export type SourcesDto = { sources: SourceDto[]; staleAfterMs: number; canManage: boolean };
