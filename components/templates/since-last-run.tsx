'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { TemplateDetail } from '@/lib/contracts/templates';
import { VersionDiff } from './version-diff';

/**
 * Shown beside "Start a deployment" when the template changed since the version this person's
 * last deployment of it was created from: what changed, from that version to the current one.
 */
export function SinceLastRun({ template }: { template: TemplateDetail }) {
  const [open, setOpen] = useState(false);
  const last = template.myLastRun;
  if (!last?.templateVersion || last.templateVersion >= template.currentVersion) return null;
  const from = last.templateVersion;
  const to = template.currentVersion;
  return (
    <div
      role="status"
      className="flex flex-col gap-2 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p>
        <span aria-hidden>⚠ </span>This template changed since your last run: “{last.name}” used version {from}, it is
        now version {to}.
      </p>
      <Button type="button" className="self-start" onClick={() => setOpen(true)}>
        What changed since your last run
      </Button>
      {open ? (
        <Dialog title="What changed since your last run" onClose={() => setOpen(false)} testId="since-last-run" wide>
          <VersionDiff templateId={template.id} from={from} to={to} />
          <Button type="button" className="self-end" onClick={() => setOpen(false)}>
            Close
          </Button>
        </Dialog>
      ) : null}
    </div>
  );
}
