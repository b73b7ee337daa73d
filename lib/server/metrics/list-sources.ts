/**
 * `GET /api/deployments/:id/sources`: where the deployment's metrics come from and whether each
 * source works. Everyone in the war room sees that a source is failing; only those who may manage
 * sources see its configuration (Prometheus addresses and queries are internal detail).
 */

import 'server-only';
import type { SourceDto, SourcesDto } from '@/lib/contracts/metrics';
import { sampleIntervalMs, staleAfterMs } from '@/lib/domain/metrics/sources';
import { can } from '@/lib/domain/rbac';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { authorize } from '@/lib/server/deployments/load-access';

export async function listSources(actor: SignedInActor, deploymentId: string): Promise<SourcesDto> {
  const access = await authorize(actor, 'deployment.read', deploymentId);
  const canManage = can(actor, 'metrics.manage', { deploymentId, heldRoles: access.heldRoles });
  // The latest simulator run and every Prometheus source; older simulator runs are history.
  const rows = await prisma.metricSource.findMany({ where: { deploymentId }, orderBy: { createdAt: 'desc' } });
  const latestSimulator = rows.find((r) => r.kind === 'simulator');
  const shown = rows.filter((r) => r.kind !== 'simulator' || r === latestSimulator);
  const sources = shown.map((row): SourceDto => {
    const config = (row.config ?? {}) as Record<string, unknown>;
    const base: SourceDto = {
      id: row.id,
      kind: row.kind,
      active: row.active,
      healthy: row.healthy,
      lastError: row.lastError,
      lastPolledAt: row.lastPolledAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    };
    if (row.kind === 'simulator') {
      return {
        ...base,
        scenario: String(config.scenario ?? 'healthy'),
        startedAt: new Date(Number(config.startedAt ?? row.createdAt.getTime())).toISOString(),
      };
    }
    return canManage ? { ...base, config } : base;
  });
  return { sources, staleAfterMs: staleAfterMs(sampleIntervalMs(rows)), canManage };
}
