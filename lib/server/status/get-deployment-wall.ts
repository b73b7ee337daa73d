import type { DeploymentWallDto } from '@/lib/contracts/deployments';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { getPublicStatus } from './public-status-cache';

/**
 * The signed-in wall: the same outsider-safe snapshot the status page shares (so a TV in a
 * meeting room shows no commands or notes), with names, for anyone who may read the war room.
 */
export async function getDeploymentWall(actor: SignedInActor, deploymentId: string): Promise<DeploymentWallDto> {
  await authorize(actor, 'deployment.read', deploymentId);
  const status = await getPublicStatus(deploymentId, true);
  if (!status) throw new AppError('not_found', 'No such deployment.');
  return { status };
}
