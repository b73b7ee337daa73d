/** `DELETE /api/deployments/:id/sources/prometheus`: stops polling; the samples already taken stay. */

import 'server-only';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { commit } from '@/lib/server/events/commit';

export async function disconnectPrometheus(
  actor: SignedInActor,
  deploymentId: string,
): Promise<{ disconnected: boolean; seq: number | null }> {
  const access = await authorize(actor, 'metrics.manage', deploymentId);
  const { result } = await commit(async (tx, append) => {
    const { count } = await tx.metricSource.updateMany({
      where: { deploymentId, kind: 'prometheus', active: true },
      data: { active: false },
    });
    if (count === 0) return { disconnected: false, seq: null };
    const event = await append({
      deploymentId,
      type: 'metrics.source_changed',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey: actingRole(access.heldRoles),
      data: { kind: 'prometheus', active: false, summary: 'disconnected Prometheus' },
    });
    return { disconnected: true, seq: event.seq };
  });
  return result;
}
