'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '@/lib/client/api';
import { deploymentKeys } from '@/lib/client/query-keys';
import type { DeploymentWallDto } from '@/lib/contracts/deployments';
import type { TimelineEvent } from '@/lib/domain/event-log';
import type { PublicStatus } from '@/lib/domain/public-status';
import { useDeploymentLive } from '@/lib/realtime/client/use-deployment-live';
import type { WallConnection } from './wall-view';

/** A safety net for a screen that runs for days: a missed signal heals within this. */
const REFRESH_MS = 30_000;

/**
 * The signed-in wall's data: the room's live connection (events, presence, reconnects after a
 * restart) drives a refetch of the wall's snapshot whenever the event counter moves past it.
 * Only the snapshot and the live hook's capped event cache are kept, so memory stays flat.
 */
export function useDeploymentWall(deploymentId: string, initial: PublicStatus) {
  const queryClient = useQueryClient();
  const live = useDeploymentLive(deploymentId, initial.seq);
  const { data: events } = useQuery({
    queryKey: deploymentKeys.events(deploymentId),
    queryFn: () => [] as TimelineEvent[],
    initialData: [] as TimelineEvent[],
    staleTime: Infinity,
    enabled: false,
  });
  const { data } = useQuery({
    queryKey: deploymentKeys.wall(deploymentId),
    queryFn: () => api<DeploymentWallDto>(`/api/deployments/${deploymentId}/wall`),
    initialData: { status: initial },
    staleTime: Infinity,
    refetchInterval: REFRESH_MS,
  });
  const lastSeq = events.at(-1)?.seq ?? 0;
  const shownSeq = data.status.seq;
  useEffect(() => {
    // A refetch in flight finishes first; if it is still behind, this runs again on its answer.
    if (lastSeq > shownSeq)
      void queryClient.invalidateQueries({ queryKey: deploymentKeys.wall(deploymentId) }, { cancelRefetch: false });
  }, [deploymentId, lastSeq, shownSeq, queryClient]);

  const connection: WallConnection =
    live.status === 'partly-live' ? 'live' : live.status === 'refused' ? 'refused' : live.status;
  return { status: data.status, connection, online: live.presence, onlineCount: live.onlineCount };
}
