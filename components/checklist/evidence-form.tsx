'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ItemDto } from '@/lib/contracts/items';
import { describeRedaction } from '@/lib/domain/evidence/redact';
import { MatchBadge } from './evidence-list';
import { useAttachEvidence } from './use-attach-evidence';
import { useEvidencePreview } from './use-evidence-preview';

/**
 * "Attach evidence": paste output and/or a link, see at once whether it matches the step's
 * expected output and which secrets will be cut, then attach — or attach and tick in one go.
 * A mismatch asks first: ticked anyway, the step stays amber for everyone.
 */
export function EvidenceForm({
  item,
  deploymentId,
  onClose,
}: {
  item: ItemDto;
  deploymentId: string;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [confirming, setConfirming] = useState(false);
  const attach = useAttachEvidence(deploymentId);
  const preview = useEvidencePreview(item.expectedOutput, text);
  const done = item.status === 'done';
  const empty = !text.trim() && !url.trim();
  const mismatch = preview.ready && preview.comparison?.match === 'mismatch';

  const send = (tick: boolean) =>
    attach.mutate({ item, text, url, tick }, { onSuccess: () => onClose(), onSettled: () => setConfirming(false) });
  const tickWithEvidence = () => (mismatch ? setConfirming(true) : send(true));

  return (
    <form
      className="mt-2 flex flex-col gap-2 rounded-md border border-line p-2"
      aria-label={`Attach evidence to “${item.title}”`}
      data-testid="evidence-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!empty) send(false);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <label className="text-sm" htmlFor={`evidence-text-${item.id}`}>
        Paste the output
      </label>
      <textarea
        id={`evidence-text-${item.id}`}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setConfirming(false);
        }}
        rows={4}
        spellCheck={false}
        className="rounded-md border border-line-strong bg-field p-2 font-mono text-xs"
        autoFocus
      />
      <label className="text-sm" htmlFor={`evidence-url-${item.id}`}>
        Link (CI run, dashboard, ticket) — optional
      </label>
      <input
        id={`evidence-url-${item.id}`}
        type="url"
        inputMode="url"
        placeholder="https://"
        value={url}
        onChange={(event) => setUrl(event.target.value)}
        className="min-h-11 rounded-md border border-line-strong bg-field px-2 text-sm sm:min-h-9"
      />
      <div aria-live="polite" className="flex flex-col gap-1 text-xs" data-testid="evidence-preview">
        {preview.ready && preview.comparison ? (
          <p className="flex flex-wrap items-center gap-2">
            <MatchBadge match={preview.comparison.match} />
            <span className="text-soft">{preview.comparison.reason}</span>
          </p>
        ) : null}
        {preview.ready && preview.redaction?.count ? (
          <p className="text-soft" data-testid="evidence-redaction-preview">
            {describeRedaction(preview.redaction.count, preview.redaction.kinds)} Only the redacted text is stored.
          </p>
        ) : null}
      </div>
      {confirming ? (
        <div
          role="alertdialog"
          aria-labelledby={`evidence-confirm-${item.id}`}
          className="rounded-md border border-amber-500 bg-amber-50 p-2 text-sm dark:bg-amber-950"
        >
          <p id={`evidence-confirm-${item.id}`} className="font-medium">
            ⚠ The output does not match the expected output. Mark “{item.title}” done anyway?
          </p>
          <p className="mt-1 text-xs text-soft">
            {preview.ready ? preview.comparison?.reason : ''} — the step stays amber for everyone, and the IC sees it.
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button type="button" variant="primary" onClick={() => send(true)} disabled={attach.isPending} autoFocus>
              Mark done anyway
            </Button>
            <Button type="button" onClick={() => send(false)} disabled={attach.isPending}>
              Attach without ticking
            </Button>
            <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
              Back
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          {!done ? (
            <Button
              type="button"
              variant="primary"
              className="min-h-11 sm:min-h-9"
              disabled={empty || !preview.ready || attach.isPending}
              onClick={tickWithEvidence}
            >
              Attach and mark done
            </Button>
          ) : null}
          <Button
            type="submit"
            variant={done ? 'primary' : 'secondary'}
            className="min-h-11 sm:min-h-9"
            disabled={empty || attach.isPending}
          >
            Attach
          </Button>
          <Button type="button" variant="ghost" className="min-h-11 sm:min-h-9" onClick={onClose}>
            Cancel
          </Button>
        </div>
      )}
    </form>
  );
}
