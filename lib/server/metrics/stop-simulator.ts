/** `DELETE /api/deployments/:id/simulator`: stops the running scenario; stopping twice is fine. */

import 'server-only';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { commit } from '@/lib/server/events/commit';

export async function stopSimulator(
  actor: SignedInActor,
  deploymentId: string,
): Promise<{ stopped: boolean; seq: number | null }> {
  const access = await authorize(actor, 'metrics.manage', deploymentId);
  const { result } = await commit(async (tx, append) => {
    const { count } = await tx.metricSource.updateMany({
      where: { deploymentId, kind: 'simulator', active: true },
      data: { active: false },
    });
    if (count === 0) return { stopped: false, seq: null };
    const event = await append({
      deploymentId,
      type: 'metrics.source_changed',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey: actingRole(access.heldRoles),
      data: { kind: 'simulator', summary: 'stopped the metrics simulator' },
    });
    return { stopped: true, seq: event.seq };
  });
  return result;
}
