'use client';

import { useState } from 'react';
import type { ReactNode } from 'react';
import { Badge, ItemStatusBadge } from '@/components/ui/badges';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { CopyButton } from '@/components/ui/copy-button';
import type { ItemDto } from '@/lib/contracts/items';
import { formatUtcTime } from '@/lib/domain/clock';
import { proofOf } from '@/lib/domain/evidence/proof';
import { ITEM_STATUSES, NOTE_REQUIRED, STATUS_LABEL, type ItemStatus } from '@/lib/domain/items';
import { CheckBadge } from './check-badge';
import { CheckForm } from './check-form';
import { EvidenceForm } from './evidence-form';
import { EvidenceList } from './evidence-list';
import { RedlineForm } from './redline-form';

type Props = {
  item: ItemDto;
  deploymentId: string;
  roleName: string;
  editable: boolean;
  depth: number;
  onChange: (item: ItemDto, status: ItemStatus, note: string | null) => void;
  /** Chosen with the keyboard (j / k): outlined, and what x, Space and n act on. */
  selected?: boolean;
  /** Called when the row is clicked anywhere: the keyboard selection follows the pointer. */
  onSelect?: (id: string) => void;
  /** Changes each time `n` asks this row to open its note editor. */
  noteRequest?: number;
  /** Changes each time `e` asks this row to open its evidence form. */
  evidenceRequest?: number;
  /** The IC's "Move to…" menu, when this person may move steps. */
  menu?: ReactNode;
};

/** One checklist step: tick in one click; blocked and skipped ask for a note first. */
export function ItemRow({
  item,
  deploymentId,
  roleName,
  editable,
  depth,
  onChange,
  selected = false,
  onSelect,
  noteRequest,
  evidenceRequest,
  menu,
}: Props) {
  const [pending, setPending] = useState<ItemStatus | null>(null);
  const [draft, setDraft] = useState('');
  const [addingEvidence, setAddingEvidence] = useState(false);
  const [redlining, setRedlining] = useState(false);
  const [editingCheck, setEditingCheck] = useState(false);
  const done = item.status === 'done';
  // The latest evidence decides: a mismatch keeps the step amber for everyone until newer evidence matches.
  const proof = proofOf(item.evidence);
  const needsNote = (status: ItemStatus) => NOTE_REQUIRED.includes(status);

  // Open the editor when `n` asks, adjusting state during render (no effect round-trip). Only a new
  // request counts: not one seen before the selection went elsewhere and came back, nor one already
  // there when the row mounts (scrolled back into a long list).
  const [seenRequest, setSeenRequest] = useState(noteRequest);
  if (noteRequest !== undefined && noteRequest !== seenRequest) {
    setSeenRequest(noteRequest);
    if (editable && !pending) {
      setPending(item.status);
      setDraft(item.note ?? '');
    }
  }

  const [seenEvidenceRequest, setSeenEvidenceRequest] = useState(evidenceRequest);
  if (evidenceRequest !== undefined && evidenceRequest !== seenEvidenceRequest) {
    setSeenEvidenceRequest(evidenceRequest);
    if (editable) setAddingEvidence(true);
  }

  const choose = (status: ItemStatus) => {
    if (needsNote(status)) {
      setPending(status);
      setDraft(item.note ?? '');
      return;
    }
    onChange(item, status, item.note);
  };

  return (
    <li
      className={cn(
        'rounded-lg border bg-surface p-3',
        proof === 'mismatch'
          ? 'border-l-4 border-amber-500 bg-amber-50/60 dark:border-amber-400 dark:bg-amber-950/40'
          : '',
        selected
          ? 'border-sky-500 ring-2 ring-sky-500 dark:border-sky-400 dark:ring-sky-400'
          : proof === 'mismatch'
            ? ''
            : 'border-line',
      )}
      style={{ marginLeft: depth ? `${Math.min(depth, 4) * 1.25}rem` : undefined }}
      data-testid="checklist-item"
      id={`item-${item.id}`}
      data-item-id={item.id}
      data-status={item.status}
      data-proof={proof}
      data-selected={selected ? 'true' : undefined}
      aria-current={selected ? 'true' : undefined}
      onClickCapture={() => onSelect?.(item.id)}
    >
      <div className="flex items-start gap-3">
        {editable ? (
          <button
            type="button"
            onClick={() => onChange(item, done ? 'pending' : 'done', item.note)}
            className={cn(
              'mt-0.5 flex h-11 w-11 sm:h-8 sm:w-8 shrink-0 items-center justify-center rounded-md border-2 text-lg',
              done
                ? 'border-emerald-500 bg-emerald-500 text-white'
                : 'border-slate-400 hover:border-emerald-500 dark:border-slate-500',
            )}
            aria-label={done ? `Mark “${item.title}” not done` : `Mark “${item.title}” done`}
            aria-pressed={done}
          >
            {done ? '✓' : ''}
          </button>
        ) : null}
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <span className={cn('font-medium', done ? 'text-faint line-through decoration-slate-400' : '')}>
              {item.title}
            </span>
            <ItemStatusBadge status={item.status} />
            {proof === 'mismatch' ? (
              <Badge tone="amber" icon="⚠">
                Evidence mismatch
              </Badge>
            ) : proof === 'match' ? (
              <Badge tone="green" icon="✓">
                Proven
              </Badge>
            ) : null}
            {item.check ? <CheckBadge check={item.check} deploymentId={deploymentId} /> : null}
            <span className="text-xs text-faint" data-testid="item-role">
              {roleName}
            </span>
            {item.doneBeforeStart ? <span className="text-xs text-faint">(done before start)</span> : null}
            {menu ? <div className="ml-auto">{menu}</div> : null}
          </div>
          {item.command ? (
            <div className="mt-2 flex items-start gap-2">
              <pre
                tabIndex={0}
                className="min-w-0 flex-1 overflow-x-auto rounded bg-slate-100 px-2 py-1 font-mono text-xs dark:bg-slate-950"
              >
                {item.command}
              </pre>
              <CopyButton text={item.command} label="Copy command" />
            </div>
          ) : null}
          {item.expectedOutput ? (
            <p className="mt-1 text-xs text-muted">
              Expected: <code className="font-mono">{item.expectedOutput}</code>
            </p>
          ) : null}
          {item.note ? <p className="mt-1 text-sm text-soft">📝 {item.note}</p> : null}
          {item.updatedBy && item.status !== 'pending' ? (
            <p className="mt-1 text-xs text-faint">
              {STATUS_LABEL[item.status]} by {item.updatedBy} at {formatUtcTime(new Date(item.updatedAt))}
            </p>
          ) : null}
          {editable ? (
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <label className="sr-only" htmlFor={`status-${item.id}`}>
                Status of {item.title}
              </label>
              <select
                id={`status-${item.id}`}
                value={item.status}
                onChange={(event) => choose(event.target.value as ItemStatus)}
                className="min-h-9 rounded-md border border-line-strong bg-surface px-2 text-sm"
              >
                {ITEM_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {STATUS_LABEL[status]}
                  </option>
                ))}
              </select>
              {!pending ? (
                <Button
                  type="button"
                  variant="ghost"
                  onClick={() => {
                    setPending(item.status);
                    setDraft(item.note ?? '');
                  }}
                >
                  {item.note ? 'Edit note' : 'Add note'}
                </Button>
              ) : null}
              {!addingEvidence ? (
                <Button type="button" variant="ghost" onClick={() => setAddingEvidence(true)}>
                  Add evidence
                </Button>
              ) : null}
              {!editingCheck ? (
                <Button type="button" variant="ghost" onClick={() => setEditingCheck(true)}>
                  {item.check ? 'Edit check' : 'Add check'}
                </Button>
              ) : null}
              {!redlining ? (
                <Button type="button" variant="ghost" onClick={() => setRedlining(true)}>
                  Propose a change
                </Button>
              ) : null}
            </div>
          ) : null}
          {editingCheck && editable ? (
            <CheckForm item={item} deploymentId={deploymentId} onClose={() => setEditingCheck(false)} />
          ) : null}
          {redlining && editable ? (
            <RedlineForm item={item} deploymentId={deploymentId} onClose={() => setRedlining(false)} />
          ) : null}
          {addingEvidence && editable ? (
            <EvidenceForm item={item} deploymentId={deploymentId} onClose={() => setAddingEvidence(false)} />
          ) : null}
          <EvidenceList evidence={item.evidence ?? []} total={item.evidenceCount ?? item.evidence?.length ?? 0} />
          {pending ? (
            <form
              className="mt-2 flex flex-col gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                if (needsNote(pending) && !draft.trim()) return;
                onChange(item, pending, draft.trim() || null);
                setPending(null);
              }}
            >
              <label className="text-sm" htmlFor={`note-${item.id}`}>
                {needsNote(pending) ? `Why is it ${pending}? (required)` : 'Note'}
              </label>
              <textarea
                id={`note-${item.id}`}
                value={draft}
                onChange={(event) => setDraft(event.target.value)}
                rows={2}
                maxLength={2000}
                className="rounded-md border border-line-strong bg-field p-2 text-sm"
                autoFocus
              />
              <div className="flex gap-2">
                <Button type="submit" variant="primary" disabled={needsNote(pending) && !draft.trim()}>
                  {needsNote(pending) ? `Mark ${STATUS_LABEL[pending].toLowerCase()}` : 'Save note'}
                </Button>
                <Button type="button" variant="ghost" onClick={() => setPending(null)}>
                  Cancel
                </Button>
              </div>
            </form>
          ) : null}
        </div>
      </div>
    </li>
  );
}
