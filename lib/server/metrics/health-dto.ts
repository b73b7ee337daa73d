/**
 * How the evaluator's result is kept on the deployment row and shown in `GET /api/deployments/:id`.
 * Deployment.healthState (JSON) holds the engine's carried state plus what the last evaluation
 * found stale; level, reasons and the acknowledged level have their own columns.
 */

import type { HealthDto } from '@/lib/contracts/metrics';
import type { HealthState } from '@/lib/domain/metrics/health-state';

export type StoredHealth = {
  /** The engine's state, handed back as `previous` next time. */
  engine: HealthState | null;
  /** Series keys with no recent data at the last evaluation. */
  stale: string[];
  /** When the last evaluation ran (ms epoch); null = never. */
  evaluatedAt: number | null;
  /** What "stale" meant at that evaluation, for the UI's own countdown. */
  staleAfterMs: number | null;
};

export function parseStoredHealth(json: unknown): StoredHealth {
  const raw = (json && typeof json === 'object' ? json : {}) as Partial<StoredHealth>;
  const engine =
    raw.engine && typeof raw.engine === 'object' && (raw.engine as HealthState).version === 1
      ? (raw.engine as HealthState)
      : null;
  return {
    engine,
    stale: Array.isArray(raw.stale) ? raw.stale.filter((s): s is string => typeof s === 'string') : [],
    evaluatedAt: typeof raw.evaluatedAt === 'number' ? raw.evaluatedAt : null,
    staleAfterMs: typeof raw.staleAfterMs === 'number' ? raw.staleAfterMs : null,
  };
}

/** JSON equality that ignores key order: JSONB hands objects back with its own key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(b, k) &&
      sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** The `health` block of the deployment state. */
export function healthDto(row: {
  healthLevel: number;
  healthReasons: string[];
  healthAckLevel: number;
  healthState: unknown;
}): HealthDto {
  const stored = parseStoredHealth(row.healthState);
  const level = row.healthLevel === 3 ? 3 : row.healthLevel === 2 ? 2 : 1;
  return {
    level,
    reasons: row.healthReasons,
    stale: stored.stale,
    acknowledgedLevel: row.healthAckLevel,
    evaluatedAt: stored.evaluatedAt === null ? null : new Date(stored.evaluatedAt).toISOString(),
  };
}
