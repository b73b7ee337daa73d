import type { DeploymentDto } from '@/lib/contracts/deployments';
import { onRollbackTrack } from '@/lib/domain/cockpit';

/**
 * The phases in the order a role works them: once a rollback is declared the rollback checklist
 * comes first — it is what everyone must do now — and the abandoned go-live phases follow.
 */
export function checklistOrder(deployment: DeploymentDto): DeploymentDto {
  if (!onRollbackTrack(deployment.state, deployment.heldFromState)) return deployment;
  const rollback = deployment.phases.filter((p) => p.kind === 'rollback');
  return { ...deployment, phases: [...rollback, ...deployment.phases.filter((p) => p.kind !== 'rollback')] };
}
