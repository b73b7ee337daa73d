'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { deploymentKeys } from '@/lib/client/query-keys';
import { newIdempotencyKey } from '@/lib/client/idempotency-key';

type Action = { path: string; method?: 'POST' | 'DELETE'; body?: unknown; done?: string };

/**
 * One hook for every cockpit command (transitions, phases, sign-offs, overrides, rollback). The
 * live socket refetches the war room when the event arrives; refetching here as well keeps the
 * screen right even when the socket is reconnecting. A refusal shows the server's own words.
 */
export function useCockpitAction(deploymentId: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: ({ path, method = 'POST', body }: Action) =>
      api<unknown>(`/api/deployments/${deploymentId}${path}`, {
        method,
        json: method === 'POST' ? (body ?? {}) : undefined,
        headers: { 'Idempotency-Key': newIdempotencyKey() },
      }),
    onSuccess: (_data, { done }) => {
      if (done) toast.info(done);
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : 'That did not work; nothing was changed.'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deploymentKeys.detail(deploymentId) }),
  });
}
