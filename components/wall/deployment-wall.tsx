'use client';

import { useNow } from '@/lib/client/use-now';
import type { PublicStatus } from '@/lib/domain/public-status';
import { useDeploymentWall } from './use-deployment-wall';
import { WallView } from './wall-view';

/** The war room's own wall (signed in): the status snapshot with names, and who is online. */
export function DeploymentWall({ deploymentId, initial }: { deploymentId: string; initial: PublicStatus }) {
  const { status, connection, online } = useDeploymentWall(deploymentId, initial);
  const now = useNow();
  return <WallView status={status} now={now} connection={connection} online={online} />;
}
