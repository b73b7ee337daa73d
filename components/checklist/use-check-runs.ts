'use client';

import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/client/api';
import { deploymentKeys } from '@/lib/client/query-keys';
import type { CheckRunsResult } from '@/lib/contracts/items';

/** A step's check's last 20 runs, fetched only while its details are open; a newer run refetches them. */
export function useCheckRuns(deploymentId: string, itemId: string, lastRunAt: string | null, enabled: boolean) {
  return useQuery({
    queryKey: deploymentKeys.checkRuns(deploymentId, itemId, lastRunAt),
    queryFn: async () =>
      (await api<CheckRunsResult>(`/api/deployments/${deploymentId}/items/${itemId}/check/runs`)).runs,
    enabled,
    staleTime: Infinity,
  });
}
