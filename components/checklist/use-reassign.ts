'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { ApiError, api } from '@/lib/client/api';
import { deploymentKeys } from '@/lib/client/query-keys';
import type { DeploymentDto } from '@/lib/contracts/deployments';
import type { ItemDto } from '@/lib/contracts/items';
import { replaceItem } from '@/lib/realtime/client/apply-event';

type Move =
  | { kind: 'item'; item: ItemDto; roleKey: string }
  | { kind: 'section'; phaseId: string; section: string | null; roleKey: string };

/**
 * The IC moves a step or a section's steps to another role. Not optimistic: a move changes two
 * people's lists, so it shows once the server took it (the event then reaches everyone else).
 */
export function useReassign(deploymentId: string, roleName: (key: string) => string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const key = deploymentKeys.detail(deploymentId);
  return useMutation<{ item: ItemDto } | { moved: number }, Error, Move>({
    mutationFn: (move: Move) =>
      move.kind === 'item'
        ? api<{ item: ItemDto }>(`/api/deployments/${deploymentId}/items/${move.item.id}`, {
            method: 'PATCH',
            json: { roleKey: move.roleKey, version: move.item.version },
          })
        : api<{ moved: number }>(`/api/deployments/${deploymentId}/items/reassign`, {
            method: 'POST',
            json: { phaseId: move.phaseId, section: move.section, roleKey: move.roleKey },
          }),
    onSuccess: (result, move) => {
      if ('item' in result)
        queryClient.setQueryData<DeploymentDto>(key, (state) => (state ? replaceItem(state, result.item) : state));
      else void queryClient.invalidateQueries({ queryKey: key });
      const what = move.kind === 'item' ? `“${move.item.title}”` : `${'moved' in result ? result.moved : 0} steps`;
      toast.info(`Moved ${what} to ${roleName(move.roleKey)}.`);
    },
    onError: (error) => {
      const current = error instanceof ApiError ? (error.details.item as ItemDto | undefined) : undefined;
      if (current)
        queryClient.setQueryData<DeploymentDto>(key, (state) => (state ? replaceItem(state, current) : state));
      toast.error(error instanceof Error ? error.message : 'The step was not moved.');
    },
  });
}
