'use client';

import { useMutation } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import type { RedlineDto } from '@/lib/contracts/redlines';
import type { RedlineKind, RedlinePatch } from '@/lib/domain/redlines';

export type ProposeRedlineVariables = { itemId: string; kind: RedlineKind; patch: RedlinePatch; reason: string };

/** Proposes a change to the runbook from a step; the run itself does not change, so no cache is touched. */
export function useProposeRedline(deploymentId: string, onDone: () => void) {
  const toast = useToast();
  return useMutation({
    mutationFn: ({ itemId, kind, patch, reason }: ProposeRedlineVariables) =>
      api<{ redline: RedlineDto }>(`/api/deployments/${deploymentId}/redlines`, {
        method: 'POST',
        json: kind === 'add' ? { after: itemId, kind, patch, reason } : { itemId, kind, patch, reason },
      }),
    onSuccess: () => {
      toast.info('Proposed. The runbook’s owners review it after the run; this run stays as it is.');
      onDone();
    },
    onError: (error) => toast.error(error.message),
  });
}
