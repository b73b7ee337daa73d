'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { templateKeys } from '@/lib/client/query-keys';
import type { AcceptedRedlines, RedlineDto } from '@/lib/contracts/redlines';
import type { TemplateTiming } from '@/lib/contracts/templates';

/** The template's open redlines, for its owners (others are refused, so it is not asked). */
export function useOpenRedlines(templateId: string, enabled: boolean) {
  return useQuery({
    queryKey: templateKeys.redlines(templateId),
    queryFn: () =>
      api<{ redlines: RedlineDto[] }>(`/api/templates/${templateId}/redlines?status=open`).then((r) => r.redlines),
    enabled,
  });
}

function useAfterReview(templateId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: templateKeys.redlines(templateId) });
    void queryClient.invalidateQueries({ queryKey: templateKeys.detail(templateId) });
    void queryClient.invalidateQueries({ queryKey: templateKeys.versions(templateId) });
  };
}

/** Accepts one or several redlines as one new version. */
export function useAcceptRedlines(templateId: string) {
  const toast = useToast();
  const refresh = useAfterReview(templateId);
  return useMutation({
    mutationFn: (ids: string[]) =>
      api<AcceptedRedlines>(`/api/templates/${templateId}/redlines/accept`, { method: 'POST', json: { ids } }),
    onSuccess: (saved) => {
      toast.info(`Saved as version ${saved.version}.`);
      refresh();
    },
    onError: (error) => {
      toast.error(error.message);
      refresh();
    },
  });
}

export function useRejectRedline(templateId: string) {
  const toast = useToast();
  const refresh = useAfterReview(templateId);
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api(`/api/templates/${templateId}/redlines/${id}/reject`, { method: 'POST', json: { reason } }),
    onSuccess: refresh,
    onError: (error) => toast.error(error.message),
  });
}

/** Planned against actual over the template's runs: go-lives, and rehearsals under `rehearsals`. */
export function useTemplateTiming(templateId: string) {
  return useQuery({
    queryKey: templateKeys.timing(templateId),
    queryFn: () => api<TemplateTiming>(`/api/templates/${templateId}/timing`),
  });
}
