'use client';

import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/client/api';
import { deploymentKeys } from '@/lib/client/query-keys';
import type { TimelineEvent } from '@/lib/domain/event-log';
import { useLiveEvents } from './use-live-events';

const PAGE = 1000;

/**
 * Every event of a deployment, oldest first, merged with what the live socket has delivered since
 * (the `events` cache the war-room hook keeps), deduplicated by sequence number.
 */
export function useFullHistory(deploymentId: string) {
  const history = useQuery({
    queryKey: deploymentKeys.history(deploymentId),
    queryFn: async () => {
      const all: TimelineEvent[] = [];
      for (let after = 0; ;) {
        const page = await api<{ events: TimelineEvent[] }>(
          `/api/deployments/${deploymentId}/events?after=${after}&limit=${PAGE}`,
        );
        all.push(...page.events);
        if (page.events.length < PAGE) return all;
        after = page.events[page.events.length - 1].seq;
      }
    },
    staleTime: Infinity,
  });
  const live = useLiveEvents(deploymentId);
  const bySeq = new Map<number, TimelineEvent>();
  for (const event of history.data ?? []) bySeq.set(event.seq, event);
  for (const event of live) bySeq.set(event.seq, event);
  const events = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  return { events, loading: history.isLoading, error: history.error };
}
