'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { templateKeys } from '@/lib/client/query-keys';
import type { TemplateDefinition } from '@/lib/domain/template-definition';

export type RunbookWarning = { line: number; message: string };
export type ParseResponse = {
  template: TemplateDefinition;
  stats: Record<'phases' | 'sections' | 'items' | 'checkedItems' | 'roles' | 'gates' | 'rules', number>;
  warnings: RunbookWarning[];
};

/** Mirrors MAX_RUNBOOK_BYTES: refuse before uploading what the server would refuse anyway. */
export const MAX_RUNBOOK_BYTES = 1_000_000;

type RunbookFields = {
  markdown: string;
  roleMapping: Record<string, string>;
  roleNames?: Record<string, string>;
  name?: string;
};

/**
 * JSON normally; a runbook near the size limit goes as text/markdown with the rest in the query,
 * because JSON escaping could push it past the server's 1 MB cap on any body.
 */
function runbookRequest<T>(path: string, fields: RunbookFields): Promise<T> {
  const body = JSON.stringify(fields);
  if (new Blob([body]).size < MAX_RUNBOOK_BYTES)
    return api<T>(path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  const query = new URLSearchParams({
    roleMapping: JSON.stringify(fields.roleMapping),
    roleNames: JSON.stringify(fields.roleNames ?? {}),
    ...(fields.name ? { name: fields.name } : {}),
  });
  return api<T>(`${path}?${query}`, {
    method: 'POST',
    body: fields.markdown,
    headers: { 'content-type': 'text/markdown; charset=utf-8' },
  });
}

type ParseInput = { markdown: string; mapping: Record<string, string> };

/** Preview a runbook: `POST /api/runbooks/parse` stores nothing. The caller keeps the result. */
export function useParseRunbook(handlers: {
  onSuccess: (data: ParseResponse, input: ParseInput) => void;
  onError: (error: Error) => void;
}) {
  return useMutation({
    mutationFn: (input: ParseInput) =>
      runbookRequest<ParseResponse>('/api/runbooks/parse', { markdown: input.markdown, roleMapping: input.mapping }),
    ...handlers,
  });
}

/**
 * What the import stores: the Markdown again with its mapping (the server re-parses, so what was
 * previewed is what is stored), or a preview edited by hand with its source.
 */
export type CreateTemplateInput =
  | { kind: 'markdown'; fields: RunbookFields }
  | { kind: 'edited'; template: TemplateDefinition; sourceMarkdown: string };

/** Create the template, then open it: the list of templates is stale from here on. */
export function useCreateTemplate() {
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTemplateInput) =>
      input.kind === 'edited'
        ? api<{ id: string; name: string }>('/api/templates', {
            method: 'POST',
            json: { template: input.template, sourceMarkdown: input.sourceMarkdown },
          })
        : runbookRequest<{ id: string; name: string }>('/api/templates', input.fields),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: templateKeys.all });
      toast.info(`Template “${created.name}” created. Start a deployment from it below.`);
      router.push(`/templates/${created.id}`);
    },
    onError: (error) => toast.error(error.message),
  });
}
