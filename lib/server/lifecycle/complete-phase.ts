import 'server-only';
import type { PhaseResult } from '@/lib/contracts/deployments';
import { checkTransition, isOnGoLiveTrack, stateLabel } from '@/lib/domain/deployment-state';
import { deploymentGuards, phaseCompletion, type PhaseItem } from '@/lib/domain/phases';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import type { Tx } from '@/lib/server/db';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';
import { gateInput, loadPhaseGates, roleNamesOf } from '@/lib/server/gates/gate-facts';
import {
  ensureNotFinished,
  idempotencyFor,
  loadTracks,
  lockDeployment,
  stateChange,
  type LockedDeployment,
} from './lifecycle-facts';
import { phaseResultSelect, toPhaseResult } from './phase-result';

/** A phase completes only while its track is the one being worked: not on hold, not after the end. */
function ensureWorkable(deployment: LockedDeployment, phase: { title: string; kind: string; status: string }) {
  if (phase.status !== 'active') {
    const why = phase.status === 'pending' ? 'has not started: start it first' : `is already ${phase.status}`;
    throw new AppError('illegal_transition', `‘${phase.title}’ ${why}.`, { refusal: 'phase_not_active' });
  }
  const state = deployment.state;
  if (state === 'on_hold')
    throw new AppError('illegal_transition', 'The deployment is on hold: resume it before completing a phase.', {
      refusal: 'deployment_on_hold',
    });
  ensureNotFinished({ state }, 'its phases can no longer change.', { refusal: 'deployment_finished' });
  const onTrack = phase.kind === 'rollback' ? state === 'rolling_back' : isOnGoLiveTrack(state);
  if (!onTrack) {
    throw new AppError(
      'illegal_transition',
      `The deployment is ${stateLabel(state).toLowerCase()}: ‘${phase.title}’ is not on the track being worked.`,
      { refusal: 'deployment_not_active' },
    );
  }
}

async function phaseItems(tx: Tx, phaseId: string): Promise<PhaseItem[]> {
  const rows = await tx.checklistItem.findMany({
    where: { phaseId },
    select: { id: true, parentId: true, status: true, role: { select: { key: true } } },
  });
  return rows.map((r) => ({ id: r.id, parentId: r.parentId, status: r.status, roleKey: r.role.key }));
}

/**
 * The IC completes the running phase once every item (nested ones too) is done or skipped and
 * every gate of the phase is open or overridden; otherwise the blockers say who still has to act.
 * Completing the last rollback phase also ends the deployment as rolled back: a second event,
 * `deployment.transitioned`, in the same transaction.
 */
export async function completePhase(
  actor: SignedInActor,
  deploymentId: string,
  phaseId: string,
  idempotencyKey?: string | null,
): Promise<{ phase: PhaseResult; deploymentState: string; seq: number; replayed: boolean }> {
  const access = await authorize(actor, 'deployment.drive', deploymentId);
  const roleKey = actingRole(access.heldRoles);
  const { result, replayed } = await commit(
    async (tx, append) => {
      const current = await lockDeployment(tx, deploymentId);
      const phase = await tx.phase.findFirst({ where: { id: phaseId, deploymentId }, select: phaseResultSelect });
      if (!phase) throw new AppError('not_found', 'There is no such phase in this deployment.');
      ensureWorkable(current, phase);

      const [items, gates, roleNames] = [
        await phaseItems(tx, phaseId),
        await loadPhaseGates(tx, phaseId),
        await roleNamesOf(tx, deploymentId),
      ];
      const completion = phaseCompletion({ items, gates: gates.map(gateInput), roleNames });
      if (!completion.ok) {
        throw new AppError(
          'illegal_transition',
          `‘${phase.title}’ cannot complete yet: ${completion.blockers.join('; ')}.`,
          {
            refusal: 'phase_incomplete',
            blockers: completion.blockers,
          },
        );
      }

      const completedAt = new Date();
      const done = await tx.phase.update({
        where: { id: phaseId },
        data: { status: 'completed', completedAt },
        select: phaseResultSelect,
      });
      const elapsedSeconds = done.startedAt
        ? Math.round((completedAt.getTime() - done.startedAt.getTime()) / 1000)
        : null;
      const event = await append({
        deploymentId,
        type: 'phase.completed',
        actorId: actor.userId,
        actorName: actor.name,
        roleKey,
        data: {
          phaseId,
          title: done.title,
          kind: done.kind,
          elapsedSeconds,
          plannedDurationMin: done.plannedDurationMin,
          overrunSeconds:
            elapsedSeconds != null && done.plannedDurationMin != null
              ? Math.max(0, elapsedSeconds - done.plannedDurationMin * 60)
              : 0,
        },
      });

      let deploymentState: string = current.state;
      let seq = event.seq;
      if (done.kind === 'rollback' && current.state === 'rolling_back') {
        const ending = checkTransition({
          from: current.state,
          to: 'rolled_back',
          context: deploymentGuards(await loadTracks(tx, deploymentId)),
        });
        if (ending.ok) {
          await tx.deployment.update({
            where: { id: deploymentId },
            data: stateChange(current, 'rolled_back', null, null, completedAt),
          });
          const ended = await append({
            deploymentId,
            type: 'deployment.transitioned',
            actorId: actor.userId,
            actorName: actor.name,
            roleKey,
            data: {
              from: current.state,
              to: 'rolled_back',
              reason: null,
              automatic: true,
              cause: `Rollback phase ‘${done.title}’ completed`,
            },
          });
          deploymentState = 'rolled_back';
          seq = ended.seq;
        }
      }
      return { phase: toPhaseResult(done), deploymentState, seq };
    },
    idempotencyFor(actor.userId, idempotencyKey, `phase-complete:${phaseId}`),
  );
  return { ...result, replayed };
}
