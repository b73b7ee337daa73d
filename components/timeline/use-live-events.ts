'use client';

import { useQuery } from '@tanstack/react-query';
import { deploymentKeys } from '@/lib/client/query-keys';
import type { TimelineEvent } from '@/lib/domain/event-log';

/**
 * The newest events of a deployment, oldest first, as the live socket hook (lib/realtime) keeps
 * them in the query cache. Never fetched here: the socket fills it and asks for what it missed.
 */
export function useLiveEvents(deploymentId: string): TimelineEvent[] {
  const { data = [] } = useQuery<TimelineEvent[]>({
    queryKey: deploymentKeys.events(deploymentId),
    queryFn: () => Promise.resolve([]),
    enabled: false,
    staleTime: Infinity,
  });
  return data;
}
