'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { ApiError, api } from '@/lib/client/api';
import { newIdempotencyKey } from '@/lib/client/idempotency-key';
import { deploymentKeys } from '@/lib/client/query-keys';
import type { DeploymentDto } from '@/lib/contracts/deployments';
import type { ItemDto } from '@/lib/contracts/items';
import type { ItemStatus } from '@/lib/domain/items';
import { replaceItem } from '@/lib/realtime/client/apply-event';

type Variables = { item: ItemDto; status: ItemStatus; note: string | null };

/**
 * Optimistic item change: the tick shows at once; if the server refuses, the item returns to what
 * the server holds and a message says why. Each attempt carries an Idempotency-Key so a retried
 * request never ticks twice.
 */
export function useUpdateItem(deploymentId: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const key = deploymentKeys.detail(deploymentId);
  const setState = (update: (state: DeploymentDto) => DeploymentDto) =>
    queryClient.setQueryData<DeploymentDto>(key, (state) => (state ? update(state) : state));

  return useMutation({
    mutationFn: ({ item, status, note }: Variables) =>
      api<{ item: ItemDto; seq: number }>(`/api/deployments/${deploymentId}/items/${item.id}`, {
        method: 'PATCH',
        json: { status, note, version: item.version },
        headers: { 'Idempotency-Key': newIdempotencyKey() },
      }),
    onMutate: async ({ item, status, note }) => {
      await queryClient.cancelQueries({ queryKey: key });
      setState((state) => replaceItem(state, { id: item.id, phaseId: item.phaseId, status, note }));
      return { previous: item };
    },
    onSuccess: ({ item }) => setState((state) => replaceItem(state, item)),
    onError: (error, _variables, context) => {
      const current = error instanceof ApiError ? (error.details.item as ItemDto | undefined) : undefined;
      if (current) setState((state) => replaceItem(state, current));
      else if (context?.previous) setState((state) => replaceItem(state, context.previous));
      toast.error(error instanceof Error ? error.message : 'The change was not saved.');
    },
  });
}
