'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { templateKeys } from '@/lib/client/query-keys';
import type { TemplateDetail } from '@/lib/contracts/templates';

/**
 * Rename, duplicate and delete, shared by the library and the template page. Failures keep the
 * server's words (a refused delete says which deployments use the template).
 */
export function useTemplateActions(
  callbacks: {
    onDuplicated?: (copy: TemplateDetail) => void;
    onDeleted?: (id: string) => void;
    onDeleteRefused?: (id: string, message: string) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const refresh = () => queryClient.invalidateQueries({ queryKey: templateKeys.all });

  const rename = useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      api<TemplateDetail>(`/api/templates/${id}`, { method: 'PATCH', json: { name } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(templateKeys.detail(updated.id), updated);
      void refresh();
      toast.info(`Renamed to “${updated.name}”.`);
    },
    onError: (error) => toast.error(error.message),
  });

  const duplicate = useMutation({
    mutationFn: (id: string) => api<TemplateDetail>(`/api/templates/${id}/duplicate`, { method: 'POST', json: {} }),
    onSuccess: (copy) => {
      void refresh();
      toast.info(`Created “${copy.name}”.`);
      callbacks.onDuplicated?.(copy);
    },
    onError: (error) => toast.error(error.message),
  });

  const remove = useMutation({
    mutationFn: (id: string) => api<{ deleted: true; id: string }>(`/api/templates/${id}`, { method: 'DELETE' }),
    onSuccess: ({ id }) => {
      queryClient.removeQueries({ queryKey: templateKeys.detail(id) });
      void refresh();
      toast.info('Template deleted.');
      callbacks.onDeleted?.(id);
    },
    onError: (error, id) => {
      if (callbacks.onDeleteRefused) callbacks.onDeleteRefused(id, error.message);
      else toast.error(error.message);
    },
  });

  return { rename, duplicate, remove };
}

export type TemplateActions = ReturnType<typeof useTemplateActions>;
