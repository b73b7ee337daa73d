'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { deploymentKeys } from '@/lib/client/query-keys';
import type { DeploymentDto } from '@/lib/contracts/deployments';
import type { ItemDto, SetCheckResult } from '@/lib/contracts/items';
import { withCheck } from '@/lib/realtime/client/apply-event';
import type { SetCheckInput } from '@/lib/schemas/check';

/**
 * Puts a check on a step or takes it off. The answer goes straight into the war room's state
 * (the `item.check_set` event that follows finds it there). A ci check's secret URL comes back
 * once: the caller shows it.
 */
export function useItemCheck(deploymentId: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const key = deploymentKeys.detail(deploymentId);
  const patch = (item: ItemDto, check: SetCheckResult['check'] | null) =>
    queryClient.setQueryData<DeploymentDto>(key, (state) =>
      state ? (withCheck(state, item.phaseId, item.id, check) ?? state) : state,
    );
  const set = useMutation({
    mutationFn: ({ item, input }: { item: ItemDto; input: Partial<SetCheckInput> & { kind: SetCheckInput['kind'] } }) =>
      api<SetCheckResult>(`/api/deployments/${deploymentId}/items/${item.id}/check`, { method: 'PUT', json: input }),
    onSuccess: (result, { item }) => {
      patch(item, result.check);
      toast.info(`Check set: ${result.check.description}`);
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : 'The check was not saved.'),
  });
  const remove = useMutation({
    mutationFn: ({ item }: { item: ItemDto }) =>
      api<void>(`/api/deployments/${deploymentId}/items/${item.id}/check`, { method: 'DELETE' }),
    onSuccess: (_, { item }) => {
      patch(item, null);
      toast.info('Check removed.');
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : 'The check was not removed.'),
  });
  return { set, remove };
}
