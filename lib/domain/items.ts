/** Checklist item rules shared by the API, the socket handlers and the optimistic UI. */

import { finishedMessage, isTerminal } from './deployment-state';

export const ITEM_STATUSES = ['pending', 'in_progress', 'done', 'blocked', 'skipped'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export function isItemStatus(value: unknown): value is ItemStatus {
  return (ITEM_STATUSES as readonly unknown[]).includes(value);
}

export const NOTE_REQUIRED: readonly ItemStatus[] = ['blocked', 'skipped'];
export const MAX_NOTE_LENGTH = 2000;

export type ItemChangeCheck = { ok: true } | { ok: false; code: 'note_required'; message: string };

/** Blocked and skipped need a note: the people reading the timeline must know why. */
export function checkItemChange(status: ItemStatus, note: string | null | undefined): ItemChangeCheck {
  if (NOTE_REQUIRED.includes(status) && !note?.trim()) {
    const word = status === 'blocked' ? 'blocked' : 'skipped';
    return { ok: false, code: 'note_required', message: `Say why the item is ${word}: a note is required.` };
  }
  return { ok: true };
}

/** The one "is this item finished": done, or skipped with a reason (progress, phases and the list count both). */
export function isFinished(status: ItemStatus): boolean {
  return status === 'done' || status === 'skipped';
}

export const STATUS_LABEL: Record<ItemStatus, string> = {
  pending: 'Pending',
  in_progress: 'In progress',
  done: 'Done',
  blocked: 'Blocked',
  skipped: 'Skipped',
};

export type ItemWritableCheck =
  { ok: true } | { ok: false; refusal: 'deployment_finished' | 'phase_finished'; message: string };

/**
 * Whether an item may change now: never once its deployment is finished, nor once its phase is
 * completed or skipped (the phase's completion is the record that its steps were done). The server
 * asks this inside the write's transaction, under the deployment's row lock, so a tick racing a
 * phase completion or the deployment's end either lands before it or is refused.
 */
export function checkItemWritable(
  deploymentState: string,
  phase: { title: string; status: string },
): ItemWritableCheck {
  if (isTerminal(deploymentState)) {
    return {
      ok: false,
      refusal: 'deployment_finished',
      message: finishedMessage(
        deploymentState,
        'its checklist can no longer change. Add a note to the timeline instead.',
      ),
    };
  }
  if (phase.status === 'completed' || phase.status === 'skipped') {
    return {
      ok: false,
      refusal: 'phase_finished',
      message: `‘${phase.title}’ is already ${phase.status}: its items can no longer change. Add a note to the timeline instead.`,
    };
  }
  return { ok: true };
}
