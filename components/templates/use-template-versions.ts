'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { templateKeys } from '@/lib/client/query-keys';
import type { SavedTemplateVersion, TemplateDiff, TemplateVersionSummary } from '@/lib/contracts/templates';

/** A template's versions, newest first (saving a version invalidates it). */
export function useTemplateVersions(templateId: string) {
  return useQuery({
    queryKey: templateKeys.versions(templateId),
    queryFn: () =>
      api<{ versions: TemplateVersionSummary[] }>(`/api/templates/${templateId}/versions`).then((r) => r.versions),
  });
}

/** What changed from one version to another. Versions never change, so neither does the answer. */
export function useTemplateDiff(templateId: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: templateKeys.diff(templateId, from ?? 0, to ?? 0),
    queryFn: () => api<TemplateDiff>(`/api/templates/${templateId}/diff?from=${from}&to=${to}`),
    enabled: from !== null && to !== null && from !== to,
    staleTime: Infinity,
  });
}

export type ImportVersionInput = { markdown: string; summary: string; baseVersion: number };

/** The runbook imported again into this template: its next version (or nothing, if nothing changed). */
export function useImportVersion(templateId: string, onSaved: (saved: SavedTemplateVersion) => void) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (input: ImportVersionInput) =>
      api<SavedTemplateVersion>(`/api/templates/${templateId}/versions`, { method: 'POST', json: input }),
    onSuccess: (saved) => {
      queryClient.setQueryData(templateKeys.detail(templateId), saved.template);
      void queryClient.invalidateQueries({ queryKey: templateKeys.versions(templateId) });
      void queryClient.invalidateQueries({ queryKey: templateKeys.lists() });
      onSaved(saved);
    },
    onError: (error) => toast.error(error.message),
  });
}
