'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { deploymentKeys } from '@/lib/client/query-keys';

/** The IC removes someone from a role; the war room refetches (the live event follows anyway). */
export function useRemoveParticipant(deploymentId: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (participantId: string) =>
      api(`/api/deployments/${deploymentId}/participants/${participantId}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: deploymentKeys.detail(deploymentId) }),
    onError: (error) => toast.error(error.message),
  });
}
