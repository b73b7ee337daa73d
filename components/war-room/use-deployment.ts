'use client';

import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/client/api';
import { deploymentKeys } from '@/lib/client/query-keys';
import type { DeploymentDto } from '@/lib/contracts/deployments';

/**
 * One deployment's whole state, seeded by the server-rendered page. Never stale by time: live events
 * patch it in the cache (use-deployment-live), and an event it cannot apply refetches it.
 */
export function useDeployment(initial: DeploymentDto): DeploymentDto {
  const { data } = useQuery({
    queryKey: deploymentKeys.detail(initial.id),
    queryFn: () => api<DeploymentDto>(`/api/deployments/${initial.id}`),
    initialData: initial,
    staleTime: Infinity,
  });
  return data;
}
