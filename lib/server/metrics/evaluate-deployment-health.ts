/**
 * Runs the health engine for one deployment and records the outcome: level, reasons and the
 * carried state on the deployment row, and a `health.level_changed` event when the level moved.
 *
 * The deployment row is locked for the evaluation, so several processes (or a push racing the
 * periodic tick) evaluate one after the other, each starting from the state the previous one
 * stored — a level change is recorded exactly once.
 */

import { isTerminal } from '@/lib/domain/deployment-state';
import { acknowledgedAfterChange } from '@/lib/domain/metrics/acknowledgement';
import { conditionCheck, effectiveDecisionTree } from '@/lib/domain/metrics/decision-tree';
import { evaluateHealth, lookbackMs } from '@/lib/domain/metrics/evaluate-health';
import { ruleCheck } from '@/lib/domain/metrics/evaluate-rules';
import { effectiveRules, sampleIntervalMs, staleAfterMs } from '@/lib/domain/metrics/sources';
import type { HealthLevel, Sample } from '@/lib/domain/metrics/types';
import { decisionLevelSchema, type DecisionLevel, type MetricRuleDefinition } from '@/lib/domain/template-definition';
import type { Tx } from '@/lib/server/db';
import { commit } from '@/lib/server/events/commit';
import { z } from '@/lib/zod';
import { parseStoredHealth, sameJson, type StoredHealth } from './health-dto';

/** Newer samples than this many per evaluation are not needed to judge a sustain window. */
const MAX_SAMPLES_PER_EVALUATION = 50_000;

export type HealthOutcome = {
  level: HealthLevel;
  previousLevel: number;
  changed: boolean;
  reasons: string[];
  stale: string[];
};

type LockedRow = {
  state: string;
  healthLevel: number;
  healthAckLevel: number;
  healthReasons: string[];
  healthState: unknown;
  decisionTree: unknown;
};

export function toRuleDefinition(row: {
  series: string;
  comparison: string;
  unit: string;
  target: number | null;
  warn: number | null;
  critical: number | null;
  sustainSec: number;
}): MetricRuleDefinition {
  return {
    series: row.series,
    comparison: row.comparison === '<' ? '<' : '>',
    unit: row.unit,
    target: row.target,
    warn: row.warn,
    critical: row.critical,
    sustainSec: row.sustainSec,
  };
}

/** The template's decision tree as stored on the deployment; anything unreadable counts as none. */
export function parseDecisionTree(json: unknown): DecisionLevel[] {
  const parsed = z.array(decisionLevelSchema).safeParse(json);
  return parsed.success ? parsed.data : [];
}

/**
 * Per series, the moment after which samples are new to the engine: the oldest `lastTs` among the
 * checks on that series, or — for a check with no state yet (first run, edited rule, restart
 * without state) — the engine's lookback window. Never older than the lookback window.
 */
function sinceBySeries(
  rules: readonly MetricRuleDefinition[],
  levels: readonly DecisionLevel[],
  stored: StoredHealth,
  now: number,
): Map<string, number> {
  const floor = now - lookbackMs({ rules, levels });
  const previous = stored.engine?.checks ?? {};
  const checks = [
    ...rules.map(ruleCheck),
    ...levels.flatMap((l) => l.conditions.map((c) => conditionCheck(l.level, c))),
  ];
  const since = new Map<string, number>();
  for (const check of checks) {
    const lastTs = previous[check.key]?.lastTs ?? null;
    const from = lastTs === null ? floor : Math.max(lastTs, floor);
    since.set(check.series, Math.min(since.get(check.series) ?? Infinity, from));
  }
  return since;
}

async function loadNewSamples(
  tx: Tx,
  series: readonly { id: string; key: string }[],
  since: Map<string, number>,
): Promise<Record<string, Sample[]>> {
  const wanted = series.filter((s) => since.has(s.key));
  const out: Record<string, Sample[]> = {};
  if (wanted.length === 0) return out;
  const rows = await tx.$queryRaw<{ key: string; ts: number; value: number }[]>`
    SELECT f.key, (extract(epoch FROM m."ts") * 1000)::float8 AS ts, m."value"
    FROM unnest(${wanted.map((s) => s.id)}::text[], ${wanted.map((s) => s.key)}::text[], ${wanted.map((s) => since.get(s.key)!)}::float8[]) AS f(id, key, since)
    JOIN "MetricSample" m ON m."seriesId" = f.id AND m."ts" > (to_timestamp(f.since / 1000.0) AT TIME ZONE 'UTC')
    ORDER BY m."ts"
    LIMIT ${MAX_SAMPLES_PER_EVALUATION}`;
  for (const row of rows) (out[row.key] ??= []).push({ ts: row.ts, value: row.value });
  return out;
}

/**
 * Evaluates one deployment now. Returns null when there is nothing to judge: a closed deployment,
 * or one that never reported a metric (no metrics is "not connected", not "stale").
 */
export async function evaluateDeploymentHealth(deploymentId: string): Promise<HealthOutcome | null> {
  const { result } = await commit(async (tx, append) => {
    const [row] = await tx.$queryRaw<LockedRow[]>`
      SELECT "state"::text AS state, "healthLevel", "healthAckLevel", "healthReasons", "healthState", "decisionTree"
      FROM "Deployment" WHERE "id" = ${deploymentId} FOR UPDATE`;
    if (!row || isTerminal(row.state)) return null;
    const [series, ruleRows, sources] = await Promise.all([
      tx.metricSeries.findMany({ where: { deploymentId }, select: { id: true, key: true, unit: true } }),
      tx.metricRule.findMany({ where: { deploymentId }, orderBy: { position: 'asc' } }),
      tx.metricSource.findMany({
        where: { deploymentId, active: true },
        select: { kind: true, active: true, config: true },
      }),
    ]);
    if (series.length === 0) return null;

    // Taken after the lock: an evaluation that waited must not judge with an older clock.
    const now = Date.now();
    const keys = series.map((s) => s.key);
    const rules = effectiveRules(ruleRows.map(toRuleDefinition), keys);
    const tree = parseDecisionTree(row.decisionTree);
    const stored = parseStoredHealth(row.healthState);
    const stale = staleAfterMs(sampleIntervalMs(sources));
    const samplesBySeries = await loadNewSamples(
      tx,
      series,
      sinceBySeries(rules, effectiveDecisionTree(tree, keys), stored, now),
    );

    const health = evaluateHealth({
      rules,
      levels: tree,
      samplesBySeries,
      now,
      previous: stored.engine,
      staleAfterMs: stale,
      seriesUnits: Object.fromEntries(series.map((s) => [s.key, s.unit])),
    });
    const changed = health.level !== row.healthLevel;
    const next: StoredHealth = { engine: health.state, stale: health.stale, evaluatedAt: now, staleAfterMs: stale };
    // A quiet deployment re-judged by the periodic tick usually finds nothing new: skip the write.
    const same =
      !changed &&
      sameJson(health.reasons, row.healthReasons) &&
      sameJson([next.engine, next.stale, next.staleAfterMs], [stored.engine, stored.stale, stored.staleAfterMs]);
    if (same)
      return {
        level: health.level,
        previousLevel: row.healthLevel,
        changed,
        reasons: health.reasons,
        stale: health.stale,
      };
    await tx.deployment.update({
      where: { id: deploymentId },
      data: {
        healthLevel: health.level,
        healthReasons: health.reasons,
        healthAckLevel: acknowledgedAfterChange(health.level, row.healthAckLevel),
        healthState: JSON.parse(JSON.stringify(next)),
      },
    });
    if (changed) {
      await append({
        deploymentId,
        type: 'health.level_changed',
        actorId: null,
        actorName: null,
        roleKey: null,
        data: {
          level: health.level,
          previousLevel: row.healthLevel,
          title: health.title,
          reasons: health.reasons,
          stale: health.stale,
        },
      });
    }
    return {
      level: health.level,
      previousLevel: row.healthLevel,
      changed,
      reasons: health.reasons,
      stale: health.stale,
    };
  });
  return result;
}
