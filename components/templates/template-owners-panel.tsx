'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import type { TemplateDetail } from '@/lib/contracts/templates';
import type { TemplateDefinition } from '@/lib/domain/template-definition';
import { OwnerEditor } from './owner-editor';
import { useSaveDefinition } from './use-templates';

/** The template editor's owners: edit a draft, then save it (or throw it away). */
export function TemplateOwnersPanel({ template }: { template: TemplateDetail }) {
  const toast = useToast();
  const [draft, setDraft] = useState<TemplateDefinition | null>(null);
  const [summary, setSummary] = useState('');
  const save = useSaveDefinition(template, () => {
    setDraft(null);
    setSummary('');
    toast.info('Owners saved as a new version. New deployments use it; running ones keep theirs.');
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
      <label className="flex max-w-xl flex-col gap-1 text-sm">
        What changed, in one line (for the version history)
        <input
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          maxLength={200}
          placeholder="Owners edited"
          className="min-h-9 rounded-md border border-line-strong bg-field px-2 text-sm"
        />
      </label>
      <div className="flex gap-2">
        <Button
          type="button"
          variant="primary"
          disabled={save.isPending}
          onClick={() => save.mutate({ definition: draft, summary: summary.trim() || 'Owners edited' })}
        >
          {save.isPending ? 'Saving…' : 'Save owners'}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setDraft(null)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
