/** Checklist item rules shared by the API, the socket handlers and the optimistic UI. */

export const ITEM_STATUSES = ['pending', 'in_progress', 'done', 'blocked', 'skipped'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

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
