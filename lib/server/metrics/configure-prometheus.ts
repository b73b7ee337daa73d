/**
 * `PUT /api/deployments/:id/sources/prometheus`: the IC points the war room at a Prometheus and
 * names a PromQL query per series. One Prometheus source per deployment; saving replaces its
 * configuration and clears its health, so the first poll under the new settings decides.
 *
 * The server fetches the URL it is given, which is why only the IC (or an admin) may set it, and
 * why the egress guard judges it here (422 outbound_refused) and again at every poll.
 */

import 'server-only';
import type { PrometheusSourceConfig } from '@/lib/schemas/metrics';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { assertOutboundUrl } from '@/lib/server/egress';
import { commit } from '@/lib/server/events/commit';
import { ensureSeries } from './store-samples';

export type PrometheusQuery = { query: string; unit?: string };
export type StoredPrometheusConfig = {
  baseUrl: string;
  intervalSec: number;
  timeoutMs?: number;
  queries: Record<string, PrometheusQuery>;
};

export function normaliseQueries(queries: PrometheusSourceConfig['queries']): Record<string, PrometheusQuery> {
  return Object.fromEntries(
    Object.entries(queries).map(([key, spec]) => [key, typeof spec === 'string' ? { query: spec } : spec]),
  );
}

export async function configurePrometheus(actor: SignedInActor, deploymentId: string, input: PrometheusSourceConfig) {
  const access = await authorize(actor, 'metrics.manage', deploymentId);
  assertOutboundUrl(input.baseUrl);
  const queries = normaliseQueries(input.queries);
  const config: StoredPrometheusConfig = {
    baseUrl: input.baseUrl,
    intervalSec: input.intervalSec,
    queries,
    ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}),
  };
  const units = Object.fromEntries(
    Object.entries(queries)
      .filter(([, q]) => q.unit !== undefined)
      .map(([key, q]) => [key, q.unit as string]),
  );
  const { result } = await commit(async (tx, append) => {
    // The series exist from now on, so their charts (and staleness) show before the first poll.
    await ensureSeries(tx, deploymentId, Object.keys(queries), units);
    const existing = await tx.metricSource.findFirst({
      where: { deploymentId, kind: 'prometheus' },
      orderBy: { createdAt: 'asc' },
    });
    const data = { config, active: input.active, healthy: true, lastError: null, lastPolledAt: null };
    const source = existing
      ? await tx.metricSource.update({ where: { id: existing.id }, data })
      : await tx.metricSource.create({ data: { deploymentId, kind: 'prometheus', ...data } });
    const count = Object.keys(queries).length;
    const summary = input.active
      ? `connected Prometheus at ${new URL(input.baseUrl).host} (${count} quer${count === 1 ? 'y' : 'ies'}, every ${input.intervalSec} s)`
      : 'paused the Prometheus source';
    const event = await append({
      deploymentId,
      type: 'metrics.source_changed',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey: actingRole(access.heldRoles),
      data: { kind: 'prometheus', sourceId: source.id, active: input.active, series: Object.keys(queries), summary },
    });
    return {
      source: {
        id: source.id,
        kind: source.kind,
        active: source.active,
        healthy: source.healthy,
        lastError: source.lastError,
        config,
      },
      seq: event.seq,
    };
  });
  return result;
}
