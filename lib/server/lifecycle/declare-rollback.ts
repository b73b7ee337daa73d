import 'server-only';
import { checkTransition } from '@/lib/domain/deployment-state';
import { deploymentGuards } from '@/lib/domain/phases';
import { rollbackLevelNumber, toRollbackLevelName, ROLLBACK_LEVEL_LABEL } from '@/lib/domain/rollback';
import type { RollbackInput } from '@/lib/schemas/lifecycle';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { commit } from '@/lib/server/events/commit';
import {
  idempotencyFor,
  loadTracks,
  lockDeployment,
  stateChange,
  stateSelect,
  toStateDto,
  transitionRefusal,
  type DeploymentStateDto,
} from './lifecycle-facts';

export type RollbackResult = {
  deployment: DeploymentStateDto;
  /** The rollback phase that became active; null when the template has none. */
  phase: { id: string; title: string } | null;
  seq: number;
};

/**
 * The IC declares a rollback: the deployment goes to rolling back and the first rollback phase of
 * the template starts at once, so every role's screen switches to the rollback checklist with the
 * one `rollback.declared` event. A go-live phase left running stays as it was — the record of
 * where the go-live stopped — and does not block the rollback.
 */
export async function declareRollback(
  actor: SignedInActor,
  deploymentId: string,
  input: RollbackInput,
  idempotencyKey?: string | null,
): Promise<RollbackResult & { replayed: boolean }> {
  const access = await authorize(actor, 'deployment.drive', deploymentId);
  const levelName = toRollbackLevelName(input.level);
  const reason = input.reason?.trim() || null;
  const { result, replayed } = await commit(
    async (tx, append) => {
      const current = await lockDeployment(tx, deploymentId);
      const tracks = await loadTracks(tx, deploymentId);
      const check = checkTransition({
        from: current.state,
        to: 'rolling_back',
        heldFrom: current.heldFromState,
        reason,
        level: levelName ? rollbackLevelNumber(levelName) : null,
        context: deploymentGuards(tracks),
      });
      if (!check.ok) throw transitionRefusal(check);
      const now = new Date();
      const updated = await tx.deployment.update({
        where: { id: deploymentId },
        data: stateChange(current, 'rolling_back', null, reason, now),
        select: stateSelect,
      });
      const first = tracks.phases.find((p) => p.kind === 'rollback' && p.status === 'pending') ?? null;
      if (first) await tx.phase.update({ where: { id: first.id }, data: { status: 'active', startedAt: now } });
      const event = await append({
        deploymentId,
        type: 'rollback.declared',
        actorId: actor.userId,
        actorName: actor.name,
        roleKey: actingRole(access.heldRoles),
        data: {
          level: levelName,
          levelNumber: levelName ? rollbackLevelNumber(levelName) : null,
          levelLabel: levelName ? ROLLBACK_LEVEL_LABEL[levelName] : null,
          reason,
          from: current.state,
          ...(current.state === 'on_hold' ? { heldFrom: current.heldFromState } : {}),
          phaseId: first?.id ?? null,
          phaseTitle: first?.title ?? null,
        },
      });
      return {
        deployment: toStateDto(updated),
        phase: first ? { id: first.id, title: first.title } : null,
        seq: event.seq,
      };
    },
    idempotencyFor(actor.userId, idempotencyKey, `rollback:${deploymentId}`),
  );
  return { ...result, replayed };
}
