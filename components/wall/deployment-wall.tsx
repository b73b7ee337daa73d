'use client';

import { useMetrics } from '@/components/metrics/use-metrics';
import { useNow } from '@/lib/client/use-now';
import type { PublicStatus } from '@/lib/domain/public-status';
import { useDeploymentWall } from './use-deployment-wall';
import { WallCharts } from './wall-charts';
import { WallView } from './wall-view';

/** The war room's own wall (signed in): the status snapshot with names, the key charts, and who is online. */
export function DeploymentWall({ deploymentId, initial }: { deploymentId: string; initial: PublicStatus }) {
  const { status, connection, online, onlineCount } = useDeploymentWall(deploymentId, initial);
  const now = useNow();
  // Live over the room's socket that useDeploymentWall keeps joined; a wall without series keeps its big level.
  const { data: metrics } = useMetrics(deploymentId, 'live');
  return (
    <WallView
      status={status}
      now={now}
      connection={connection}
      online={online}
      onlineCount={onlineCount}
      charts={metrics?.series.length ? <WallCharts view={metrics} /> : undefined}
    />
  );
}
