'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { TemplateActions } from './use-template-actions';

/** Inline rename: the name becomes an input; Enter saves, Escape cancels. */
export function RenameForm({
  name,
  pending,
  onSave,
  onCancel,
}: {
  name: string;
  pending: boolean;
  onSave: (name: string) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(name);
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.trim() && draft.trim() !== name) onSave(draft.trim());
        else onCancel();
      }}
    >
      <label className="sr-only" htmlFor="rename-template">
        New name
      </label>
      <input
        id="rename-template"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
        maxLength={200}
        autoFocus
        className="min-h-9 min-w-0 flex-1 rounded-md border border-line-strong bg-field px-2 text-sm"
      />
      <Button type="submit" variant="primary" disabled={pending || !draft.trim()}>
        Save name
      </Button>
      <Button type="button" variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
    </form>
  );
}

/** Delete asks once more in place (no browser dialog), then shows why the server refused, if it did. */
export function DeleteButton({
  label,
  pending,
  onConfirm,
}: {
  label: string;
  pending: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button type="button" variant="ghost" onClick={() => setAsking(true)} className="text-danger">
        Delete
      </Button>
    );
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="danger"
        disabled={pending}
        onClick={() => {
          onConfirm();
          setAsking(false);
        }}
      >
        Delete {label}
      </Button>
      <Button type="button" variant="ghost" onClick={() => setAsking(false)}>
        Keep
      </Button>
    </span>
  );
}

/**
 * A template's Rename, Duplicate and Delete, in the library and on its page alike: rename and
 * delete for those who may manage it; `onDeleting` clears a refusal shown for an earlier try.
 */
export function ManageButtons({
  template,
  renaming,
  onRename,
  deleteLabel,
  actions,
  onDeleting,
}: {
  template: { id: string; canManage: boolean };
  renaming: boolean;
  onRename: () => void;
  deleteLabel: string;
  actions: TemplateActions;
  onDeleting: () => void;
}) {
  return (
    <>
      {template.canManage && !renaming ? (
        <Button type="button" variant="ghost" onClick={onRename}>
          Rename
        </Button>
      ) : null}
      <Button
        type="button"
        variant="ghost"
        onClick={() => actions.duplicate.mutate(template.id)}
        disabled={actions.duplicate.isPending}
      >
        Duplicate
      </Button>
      {template.canManage ? (
        <DeleteButton
          label={deleteLabel}
          pending={actions.remove.isPending}
          onConfirm={() => {
            onDeleting();
            actions.remove.mutate(template.id);
          }}
        />
      ) : null}
    </>
  );
}
