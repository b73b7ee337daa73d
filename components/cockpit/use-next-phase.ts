'use client';

import { useToast } from '@/components/ui/toast';
import { useCan } from '@/components/war-room/use-can';
import { useWarRoom } from '@/components/war-room/war-room-context';
import { refusalMessage } from '@/lib/domain/rbac';
import { phaseStep } from './phase-facts';
import { useCockpitAction } from './use-cockpit-action';

/**
 * "Next phase" from the keyboard: the IC's start / complete action through the same command hook
 * as the rail's button. That button asks for no confirmation — its guard is being disabled until
 * the phase may move — so the key is refused in the same cases instead of bypassing anything.
 */
export function useNextPhase() {
  const { deployment } = useWarRoom();
  const action = useCockpitAction(deployment.id);
  const toast = useToast();
  const canDrive = useCan()('deployment.drive');

  const run = () => {
    if (!canDrive) return toast.error(refusalMessage('deployment.drive'));
    const step = phaseStep(deployment);
    if (!step) return toast.info('There is no phase to start or complete now.');
    if (step.refusal) return toast.error(step.refusal);
    if (action.isPending) return;
    const { phase, kind } = step;
    action.mutate({
      path: `/phases/${phase.id}/${kind}`,
      done: `“${phase.title}” ${kind === 'complete' ? 'completed' : 'started'}.`,
    });
  };
  return { canDrive, run };
}
