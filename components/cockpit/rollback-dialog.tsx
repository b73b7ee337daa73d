'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Dialog } from '@/components/ui/dialog';
import {
  ROLLBACK_LEVEL_HINT,
  ROLLBACK_LEVEL_LABEL,
  ROLLBACK_LEVELS,
  type RollbackLevelName,
} from '@/lib/domain/rollback';
import { MAX_REASON_LENGTH } from '@/lib/schemas/lifecycle';

/** The next rollback phase every role would switch to, if the runbook has one. */
export function pendingRollbackPhase(
  phases: readonly { kind: string; status: string; title: string }[],
): string | null {
  return phases.find((p) => p.kind === 'rollback' && p.status === 'pending')?.title ?? null;
}

/**
 * Declaring a rollback: the level (preselected from the health level) and the reason, both on
 * the timeline. From the health banner the reason comes prefilled with what the metrics said.
 */
export function RollbackDialog({
  suggested,
  initialReason = '',
  rollbackPhase,
  onConfirm,
  onClose,
  busy,
}: {
  suggested: RollbackLevelName;
  initialReason?: string;
  rollbackPhase: string | null;
  onConfirm: (input: { level: RollbackLevelName; reason: string }) => void;
  onClose: () => void;
  busy?: boolean;
}) {
  const [level, setLevel] = useState<RollbackLevelName>(suggested);
  const [reason, setReason] = useState(initialReason);
  const ready = reason.trim().length > 0 && !busy;
  return (
    <Dialog title="Declare a rollback" onClose={onClose} testId="rollback-dialog">
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) onConfirm({ level, reason: reason.trim() });
        }}
      >
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Level</legend>
          {ROLLBACK_LEVELS.map((name) => (
            <label
              key={name}
              className={cn(
                'flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border px-3 py-2',
                level === name
                  ? 'border-red-500 bg-red-50 dark:bg-red-950/40'
                  : 'border-slate-300 dark:border-slate-700',
              )}
            >
              <input
                type="radio"
                name="level"
                value={name}
                checked={level === name}
                onChange={() => setLevel(name)}
                className="mt-1 h-4 w-4"
              />
              <span className="flex flex-col">
                <span className="font-medium">{ROLLBACK_LEVEL_LABEL[name]}</span>
                <span className="text-sm text-muted">{ROLLBACK_LEVEL_HINT[name]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Why roll back?
          <textarea
            required
            rows={3}
            maxLength={MAX_REASON_LENGTH}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder="Error rate above 10 % for 5 minutes after the canary shift"
            className="rounded-md border border-line-strong bg-field px-3 py-2 text-base font-normal"
            name="reason"
          />
        </label>
        <p className="text-sm text-muted">
          {rollbackPhase
            ? `Every role switches to the “${rollbackPhase}” checklist at once. Completing it ends the deployment as rolled back.`
            : 'This runbook has no rollback phase: mark the deployment rolled back once the work is done.'}
        </p>
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onClose} className="min-h-11">
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={!ready} className="min-h-11 disabled:opacity-50">
            ↺ Declare rollback
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
