'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { templateKeys } from '@/lib/client/query-keys';
import type { TemplateDefinition } from '@/lib/domain/template';
import type { TemplateDetail } from '@/lib/contracts/templates';
import { OwnerEditor } from './owner-editor';

/** The template editor's owners: edit a draft, then save it (or throw it away). */
export function TemplateOwnersPanel({ template }: { template: TemplateDetail }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState<TemplateDefinition | null>(null);
  const save = useMutation({
    mutationFn: (definition: TemplateDefinition) => api<TemplateDetail>(`/api/templates/${template.id}`, { method: 'PATCH', json: { name: template.name, definition } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(templateKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: templateKeys.all });
      setDraft(null);
      toast.info('Owners saved. New deployments use them; running ones keep theirs.');
    },
    onError: (error) => toast.error(error.message),
  });
  if (!draft) {
    return (
      <Button type="button" onClick={() => setDraft(template.definition)} className="self-start">
        Edit owners and roles
      </Button>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <OwnerEditor template={draft} onChange={setDraft} />
      <div className="flex gap-2">
        <Button type="button" variant="primary" disabled={save.isPending} onClick={() => save.mutate(draft)}>
          {save.isPending ? 'Saving…' : 'Save owners'}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setDraft(null)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
