'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { api, ApiError } from '@/lib/client/api';
import { newIdempotencyKey } from '@/lib/client/idempotency-key';
import { deploymentKeys } from '@/lib/client/query-keys';

export type CockpitAction = { path: string; method?: 'POST' | 'DELETE'; body?: unknown; done?: string };

/**
 * One hook for every cockpit command (transitions, phases, sign-offs, overrides, rollback). The
 * live socket refetches the war room when the event arrives; refetching here as well keeps the
 * screen right even when the socket is reconnecting. A refusal shows the server's own words.
 */
export function useCockpitAction(deploymentId: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: ({ path, method = 'POST', body }: CockpitAction) =>
      api<unknown>(`/api/deployments/${deploymentId}${path}`, {
        method,
        json: method === 'POST' ? (body ?? {}) : undefined,
        headers: { 'Idempotency-Key': newIdempotencyKey() },
      }),
    onSuccess: (_data, { done }) => {
      if (done) toast.info(done);
    },
    // A step-up request is not a failure: the caller asks for the password and retries.
    onError: (error) =>
      error instanceof ApiError && error.code === 'reauth_required'
        ? undefined
        : toast.error(error instanceof Error ? error.message : 'That did not work; nothing was changed.'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deploymentKeys.detail(deploymentId) }),
  });
}
