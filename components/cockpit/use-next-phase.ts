'use client';

import { useToast } from '@/components/ui/toast';
import { useWarRoom } from '@/components/war-room/war-room-context';
import { onRollbackTrack } from '@/lib/domain/cockpit';
import type { DeploymentState } from '@/lib/domain/deployment-state';
import { checkPhaseStart, nextPhase, phaseCompletion } from '@/lib/domain/phases';
import { can, refusalMessage } from '@/lib/domain/rbac';
import type { DeploymentDto, PhaseDto } from '@/lib/server/deployments/get-deployment';
import { toPhaseGate, toPhaseItems, toPhaseSummary } from './phase-facts';
import { useCockpitAction } from './use-cockpit-action';

const FINISHED = ['completed', 'rolled_back', 'aborted'];

type Step = { kind: 'complete' | 'start'; phase: PhaseDto; refusal: string | null };

/**
 * The one phase button the rail shows now: complete the running phase of the track being worked,
 * or, between phases, start the next one. Same rules as the rail's buttons (PhaseRail), so a key
 * is refused exactly where the button is disabled, with the words shown under it.
 */
export function phaseStep(deployment: DeploymentDto): Step | null {
  if (FINISHED.includes(deployment.state)) return null;
  const rollback = onRollbackTrack(deployment.state, deployment.heldFromState);
  const active = deployment.phases.find((p) => (p.kind === 'rollback') === rollback && p.status === 'active');
  if (active) {
    const roleNames = Object.fromEntries(deployment.roles.map((r) => [r.key, r.name]));
    const gates = deployment.gates.filter((g) => g.phaseId === active.id).map(toPhaseGate);
    const completion = phaseCompletion({ items: toPhaseItems(active.items), gates, roleNames });
    return { kind: 'complete', phase: active, refusal: completion.ok ? null : `“${active.title}” can’t be completed yet: ${completion.blockers.join('; ')}.` };
  }
  const summaries = deployment.phases.map(toPhaseSummary);
  const next = nextPhase(summaries, rollback ? 'rolling_back' : undefined);
  if (!next) return null;
  const check = checkPhaseStart({ phases: summaries, phaseId: next.id, deploymentState: deployment.state as DeploymentState });
  const phase = deployment.phases.find((p) => p.id === next.id)!;
  return { kind: 'start', phase, refusal: check.ok ? null : `${check.message}.` };
}

/**
 * "Next phase" from the keyboard: the IC's start / complete action through the same command hook
 * as the rail's button. That button asks for no confirmation — its guard is being disabled until
 * the phase may move — so the key is refused in the same cases instead of bypassing anything.
 */
export function useNextPhase() {
  const { deployment } = useWarRoom();
  const action = useCockpitAction(deployment.id);
  const toast = useToast();
  const resource = { deploymentId: deployment.id, heldRoles: deployment.me.roles };
  const canDrive = can({ userId: deployment.me.userId, isAdmin: deployment.me.isAdmin }, 'deployment.drive', resource);

  const run = () => {
    if (!canDrive) return toast.error(refusalMessage('deployment.drive', resource));
    const step = phaseStep(deployment);
    if (!step) return toast.info('There is no phase to start or complete now.');
    if (step.refusal) return toast.error(step.refusal);
    if (action.isPending) return;
    const { phase, kind } = step;
    action.mutate({ path: `/phases/${phase.id}/${kind}`, done: `“${phase.title}” ${kind === 'complete' ? 'completed' : 'started'}.` });
  };
  return { canDrive, run };
}
