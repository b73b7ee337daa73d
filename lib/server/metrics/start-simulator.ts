/**
 * `POST /api/deployments/:id/simulator`: the IC starts a rehearsal scenario. Starting replaces any
 * running scenario (the curve restarts from its beginning); the run is kept as a MetricSource row
 * so the timeline and the history say what generated the numbers.
 */

import 'server-only';
import type { StartSimulatorInput } from '@/lib/schemas/metrics';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { commit } from '@/lib/server/events/commit';
import { ensureNotFinished } from '@/lib/server/lifecycle/lifecycle-facts';

export async function startSimulator(actor: SignedInActor, deploymentId: string, input: StartSimulatorInput) {
  const access = await authorize(actor, 'metrics.manage', deploymentId);
  ensureNotFinished(access.deployment, 'there is nothing left to rehearse.');
  const startedAt = Date.now();
  const { result } = await commit(async (tx, append) => {
    await tx.metricSource.updateMany({
      where: { deploymentId, kind: 'simulator', active: true },
      data: { active: false },
    });
    const source = await tx.metricSource.create({
      data: {
        deploymentId,
        kind: 'simulator',
        config: { scenario: input.scenario, startedAt, seed: input.seed ?? 1 },
        active: true,
      },
    });
    const event = await append({
      deploymentId,
      type: 'metrics.source_changed',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey: actingRole(access.heldRoles),
      data: {
        kind: 'simulator',
        sourceId: source.id,
        scenario: input.scenario,
        summary: `started the “${input.scenario}” metrics simulator`,
      },
    });
    return {
      sourceId: source.id,
      scenario: input.scenario,
      startedAt: new Date(startedAt).toISOString(),
      seq: event.seq,
    };
  });
  return result;
}
