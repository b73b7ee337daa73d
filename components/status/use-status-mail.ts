'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { statusMailKeys } from '@/lib/client/query-keys';
import type { StatusMailPanelDto, StatusSubscribeDto, StatusTestMailDto } from '@/lib/contracts/status-mail';

/** The subscriber count and whether mail is configured, for the IC and comms. */
export function useStatusMailPanel(deploymentId: string, enabled: boolean) {
  return useQuery({
    queryKey: statusMailKeys.panel(deploymentId),
    queryFn: () => api<StatusMailPanelDto>(`/api/deployments/${deploymentId}/subscriptions`),
    enabled,
    refetchInterval: 30_000,
  });
}

/** "Send test mail": queued to the caller's own address; the toast says where. */
export function useSendTestMail(deploymentId: string) {
  const toast = useToast();
  return useMutation({
    mutationFn: () =>
      api<StatusTestMailDto>(`/api/deployments/${deploymentId}/subscriptions/test-mail`, { method: 'POST', json: {} }),
    onSuccess: (sent) => toast.info(`Test mail on its way to ${sent.to}.`),
    onError: (error) => toast.error(error.message),
  });
}

/** The public page's subscribe form: the outcome is shown in the form itself (no toasts there). */
export function useSubscribe(token: string) {
  return useMutation({
    mutationFn: (email: string) =>
      api<StatusSubscribeDto>(`/api/status/${token}/subscriptions`, { method: 'POST', json: { email } }),
  });
}
