'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ItemDto } from '@/lib/contracts/items';
import type { RedlineKind, RedlinePatch } from '@/lib/domain/redlines';
import { useProposeRedline } from './use-propose-redline';

const field = 'min-h-9 rounded-md border border-line-strong bg-field px-2 text-sm';

/**
 * "Propose a change" to the runbook from a step, without leaving the checklist: fix its words,
 * command or expected output, add a step after it, remove it, or change its phase's planned time.
 * Only fields that differ from the step are sent.
 */
export function RedlineForm({
  item,
  deploymentId,
  onClose,
}: {
  item: ItemDto;
  deploymentId: string;
  onClose: () => void;
}) {
  const [kind, setKind] = useState<RedlineKind>('edit');
  const [title, setTitle] = useState(item.title);
  const [command, setCommand] = useState(item.command ?? '');
  const [expected, setExpected] = useState(item.expectedOutput ?? '');
  const [duration, setDuration] = useState('');
  const [reason, setReason] = useState('');
  const propose = useProposeRedline(deploymentId, onClose);

  const patch: RedlinePatch = {};
  if (kind === 'add') {
    if (title.trim()) patch.title = title.trim();
    if (command.trim()) patch.command = command;
    if (expected.trim()) patch.expected = expected;
  } else if (kind === 'edit') {
    if (title.trim() && title.trim() !== item.title) patch.title = title.trim();
    if (command !== (item.command ?? '')) patch.command = command || null;
    if (expected !== (item.expectedOutput ?? '')) patch.expected = expected || null;
  }
  if (kind !== 'remove' && /^\d{1,5}$/.test(duration.trim())) patch.plannedDurationMin = Number(duration);
  const ready =
    Boolean(reason.trim()) &&
    (kind === 'remove' || Object.keys(patch).length > 0) &&
    (kind !== 'add' || Boolean(patch.title));

  return (
    <form
      className="mt-2 flex flex-col gap-2 rounded-md border border-dashed border-red-400 p-2"
      aria-label={`Propose a change to “${item.title}”`}
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) propose.mutate({ itemId: item.id, kind, patch, reason: reason.trim() });
      }}
    >
      <fieldset className="flex flex-wrap gap-3 text-sm">
        <legend className="sr-only">Kind of change</legend>
        {(
          [
            ['edit', 'Fix this step'],
            ['add', 'Add a step after it'],
            ['remove', 'Remove it'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-1">
            <input
              type="radio"
              name={`redline-kind-${item.id}`}
              checked={kind === value}
              onChange={() => {
                setKind(value);
                if (value === 'add') setTitle('');
                if (value === 'edit') setTitle(item.title);
              }}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {kind !== 'remove' ? (
        <div className="grid gap-2 sm:grid-cols-2">
          <label className="flex flex-col gap-1 text-sm sm:col-span-2">
            {kind === 'add' ? 'New step' : 'Title'}
            <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={2000} className={field} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Command
            <textarea
              value={command}
              onChange={(e) => setCommand(e.target.value)}
              rows={2}
              className="rounded-md border border-line-strong bg-field p-2 font-mono text-xs"
            />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Expected output
            <textarea
              value={expected}
              onChange={(e) => setExpected(e.target.value)}
              rows={2}
              className="rounded-md border border-line-strong bg-field p-2 font-mono text-xs"
            />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Phase planned duration (min, optional)
            <input
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
              inputMode="numeric"
              className={field}
            />
          </label>
        </div>
      ) : null}
      <label className="flex flex-col gap-1 text-sm">
        Why (required)
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} className={field} />
      </label>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={!ready || propose.isPending}>
          Propose
        </Button>
        <Button type="button" variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
