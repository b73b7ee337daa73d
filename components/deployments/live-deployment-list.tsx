'use client';

import { useNow } from '@/lib/client/use-now';
import type { DeploymentListDto, DeploymentListQuery } from '@/lib/contracts/deployments';
import { useDeploymentListLive } from '@/lib/realtime/client/use-deployment-list-live';
import { DeploymentList } from './deployment-list';

/**
 * The Deployments page as the server rendered it, then live: cards move as their war rooms do,
 * new war rooms appear, and the T-minus counts down (from the server's clock until hydrated).
 */
export function LiveDeploymentList({
  initial,
  query,
  now,
}: {
  initial: DeploymentListDto;
  query: DeploymentListQuery;
  now: string;
}) {
  const { list, status } = useDeploymentListLive(query, initial);
  const ticking = useNow();
  return (
    <DeploymentList
      list={list}
      query={query}
      now={ticking === null ? now : new Date(ticking).toISOString()}
      status={status}
    />
  );
}
