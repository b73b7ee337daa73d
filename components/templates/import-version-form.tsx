'use client';

import { useState } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import type { TemplateDetail } from '@/lib/contracts/templates';
import { useImportVersion } from './use-template-versions';

const MAX_BYTES = 1_000_000;

/**
 * "Import a new version": the same runbook, edited since, imported into this template (not as a
 * new one), so its history and "what changed since your last run" connect the two.
 */
export function ImportVersionForm({ template }: { template: TemplateDetail }) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [markdown, setMarkdown] = useState('');
  const [summary, setSummary] = useState('');
  const save = useImportVersion(template.id, (saved) => {
    if (saved.created) {
      toast.info(`Version ${saved.version.version} saved. New deployments use it; earlier ones keep theirs.`);
      setMarkdown('');
      setSummary('');
      setOpen(false);
    } else toast.info(`Nothing changed: this runbook is the same as version ${saved.version.version}.`);
  });
  if (!open)
    return (
      <Button type="button" className="self-start" onClick={() => setOpen(true)}>
        Import a new version of this runbook
      </Button>
    );
  return (
    <form
      className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-3"
      data-testid="import-version"
      onSubmit={(e) => {
        e.preventDefault();
        if (markdown.trim() && summary.trim())
          save.mutate({ markdown, summary: summary.trim(), baseVersion: template.currentVersion });
      }}
    >
      <p className="text-sm text-muted">
        Paste the edited runbook. It becomes version {template.currentVersion + 1} of “{template.name}”; the name stays.
      </p>
      <label className="flex flex-col gap-1 text-sm">
        Runbook Markdown
        <textarea
          value={markdown}
          onChange={(e) => setMarkdown(e.target.value)}
          rows={8}
          spellCheck={false}
          className="w-full resize-y rounded-md border border-line-strong bg-field p-2 font-mono text-xs"
        />
      </label>
      <label className={buttonClass('secondary', 'cursor-pointer self-start')}>
        Choose a .md file
        <input
          type="file"
          accept=".md,.markdown,.txt,text/markdown,text/plain"
          className="sr-only"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            if (file.size > MAX_BYTES) toast.error(`“${file.name}” is larger than 1 MB.`);
            else void file.text().then(setMarkdown);
          }}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        What changed, in one line
        <input
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          maxLength={200}
          required
          placeholder="Fixed the migration command after the March go-live"
          className="min-h-9 rounded-md border border-line-strong bg-field px-2 text-sm"
        />
      </label>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending || !markdown.trim() || !summary.trim()}>
          {save.isPending ? 'Saving…' : 'Save as a new version'}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
