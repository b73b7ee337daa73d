'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { templateKeys } from '@/lib/client/query-keys';
import { useSettledSearch } from '@/lib/client/use-settled-search';
import type { TemplateDetail, TemplateListDto } from '@/lib/contracts/templates';
import { withQuery } from '@/lib/domain/query-string';
import type { TemplateDefinition } from '@/lib/domain/template-definition';
import type { TemplateShow } from '@/lib/domain/template-list';

/**
 * The library (the templates matching `search`, once typing pauses; everyone's or those one made),
 * starting from what the page rendered; the last answer stays on screen while the next is asked.
 */
export function useTemplates(initial: TemplateListDto, search: string, show: TemplateShow) {
  const { q, typing } = useSettledSearch(search);
  const { data, isPlaceholderData } = useQuery({
    queryKey: templateKeys.list(q, show),
    queryFn: () => api<TemplateListDto>(withQuery('/api/templates', { q, show: show === 'all' ? undefined : show })),
    initialData: q === '' && show === 'all' ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  return { list: data ?? initial, searchedFor: q, searching: typing || isPlaceholderData };
}

/** One template, starting from what the page rendered. */
export function useTemplate(initial: TemplateDetail) {
  return useQuery({
    queryKey: templateKeys.detail(initial.id),
    queryFn: () => api<TemplateDetail>(`/api/templates/${initial.id}`),
    initialData: initial,
  }).data;
}

/**
 * Saves a template's edited definition (its owners), keeping its name: the next version, with a
 * one-line summary, from the version the editor started with (a newer one meanwhile is refused).
 */
export function useSaveDefinition(template: TemplateDetail, onSaved: () => void) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: ({ definition, summary }: { definition: TemplateDefinition; summary: string }) =>
      api<TemplateDetail>(`/api/templates/${template.id}`, {
        method: 'PATCH',
        json: { name: template.name, definition, summary, baseVersion: template.currentVersion },
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(templateKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: templateKeys.all });
      onSaved();
    },
    onError: (error) => toast.error(error.message),
  });
}

export type StartDeploymentInput = {
  templateId: string;
  name: string;
  version: string;
  environment: string;
  goLiveAt: string;
  rehearsal: boolean;
};

/** Starts a war room from a template and goes to it. */
export function useStartDeployment() {
  const router = useRouter();
  const toast = useToast();
  return useMutation({
    mutationFn: (input: StartDeploymentInput) =>
      api<{ id: string }>('/api/deployments', { method: 'POST', json: input }),
    onSuccess: ({ id }) => router.push(`/deployments/${id}`),
    onError: (error) => toast.error(error.message),
  });
}
