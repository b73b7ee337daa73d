'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { MAX_REASON_LENGTH } from '@/lib/schemas/lifecycle';

type Props = {
  title: string;
  /** What the reason is for, above the box ("Why is the deployment on hold?"). */
  label: string;
  hint?: string;
  confirm: string;
  tone?: 'primary' | 'danger';
  /** A reason is always required here: holds, aborts, overrides and rejections are explained on the timeline. */
  onConfirm: (reason: string) => void;
  onClose: () => void;
  busy?: boolean;
  testId?: string;
};

/** Asks for the one sentence that goes on the timeline before a hold, abort, override or rejection. */
export function ReasonDialog({
  title,
  label,
  hint,
  confirm,
  tone = 'primary',
  onConfirm,
  onClose,
  busy,
  testId,
}: Props) {
  const [reason, setReason] = useState('');
  const ready = reason.trim().length > 0 && !busy;
  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) onConfirm(reason.trim());
        }}
      >
        <label className="flex flex-col gap-1 text-sm font-medium">
          {label}
          <textarea
            autoFocus
            required
            rows={3}
            maxLength={MAX_REASON_LENGTH}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            className="rounded-md border border-line-strong bg-field px-3 py-2 text-base font-normal"
            name="reason"
          />
        </label>
        {hint ? <p className="text-sm text-muted">{hint}</p> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onClose} className="min-h-11">
            Cancel
          </Button>
          <Button type="submit" variant={tone} disabled={!ready} className="min-h-11 disabled:opacity-50">
            {confirm}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
