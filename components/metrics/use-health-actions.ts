'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { deploymentKeys } from '@/lib/client/query-keys';
import type { RollbackLevelName } from '@/lib/domain/rollback';

/**
 * The IC's answers to a health alert: acknowledge the level, or declare a rollback. Both refresh the
 * deployment; a refused acknowledgement refreshes too, since the level may have moved meanwhile.
 */
export function useHealthActions(deploymentId: string, onDeclared: () => void) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const refresh = () => queryClient.invalidateQueries({ queryKey: deploymentKeys.detail(deploymentId) });
  const acknowledge = useMutation({
    mutationFn: (level: number) =>
      api(`/api/deployments/${deploymentId}/health/acknowledge`, { method: 'POST', json: { level } }),
    onSuccess: () => void refresh(),
    onError: (error) => {
      toast.error(error.message);
      void refresh();
    },
  });
  const declare = useMutation({
    mutationFn: (input: { level: RollbackLevelName; reason: string }) =>
      api(`/api/deployments/${deploymentId}/rollback`, { method: 'POST', json: input }),
    onSuccess: () => {
      onDeclared();
      toast.info('Rollback declared: the rollback checklist is now live for every role.');
      void refresh();
    },
    onError: (error) => {
      toast.error(error.message);
    },
  });
  return { acknowledge, declare };
}
