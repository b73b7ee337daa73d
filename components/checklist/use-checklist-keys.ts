'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { keyToAction, moveSelection, type FocusKind, type Pending } from '@/lib/domain/shortcuts';

type Options = {
  /** The items on screen, in the order they are shown. */
  ids: readonly string[];
  onToggle: (id: string) => void;
  onNote: (id: string) => void;
  onEvidence: (id: string) => void;
  onNextPhase: () => void;
};

const CONTROL_TYPES = ['button', 'submit', 'reset', 'checkbox', 'radio', 'image', 'color', 'file', 'range'];

/** Fields keep their keys (a select's arrows, a textarea's letters); buttons keep their Space. */
function focusKind(target: EventTarget | null): FocusKind {
  if (!(target instanceof HTMLElement)) return 'other';
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return 'typing';
  if (target instanceof HTMLInputElement) return CONTROL_TYPES.includes(target.type) ? 'control' : 'typing';
  if (target.closest('button, a[href], summary, [role="button"], [role="tab"]')) return 'control';
  return 'other';
}

/** Any open dialog (ours, a confirmation, a gate sign-off) owns the keyboard until it closes. */
function dialogOpen(): boolean {
  return document.querySelector('dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]') !== null;
}

/**
 * The checklist's keyboard: one document listener, mapped by `keyToAction`. It keeps which item is
 * selected and whether the `?` overlay is open; the actions themselves are the caller's, so a key
 * does exactly what the matching click does.
 */
export function useChecklistKeys({ ids, onToggle, onNote, onEvidence, onNextPhase }: Options) {
  const [selected, setSelected] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  // Keys can arrive faster than React renders (j j x): the listener reads the selection from a ref
  // that changes at once, and the latest list and actions from a ref refreshed after each render.
  const selectedRef = useRef<string | null>(null);
  const latest = useRef({ ids, onToggle, onNote, onEvidence, onNextPhase });
  useLayoutEffect(() => {
    latest.current = { ids, onToggle, onNote, onEvidence, onNextPhase };
  });

  useEffect(() => {
    let pending: Pending = null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const result = keyToAction(
        {
          key: event.key,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          shiftKey: event.shiftKey,
          repeat: event.repeat,
          isComposing: event.isComposing,
          focus: focusKind(event.target),
          dialogOpen: dialogOpen(),
        },
        pending,
      );
      pending = result.pending;
      if (!result.action) return;
      // Space and the arrows would also scroll the page.
      event.preventDefault();
      const {
        ids: shown,
        onToggle: toggle,
        onNote: note,
        onEvidence: evidence,
        onNextPhase: nextPhase,
      } = latest.current;
      const current = selectedRef.current !== null && shown.includes(selectedRef.current) ? selectedRef.current : null;
      switch (result.action) {
        case 'next':
        case 'previous': {
          const target = moveSelection(shown, current, result.action);
          selectedRef.current = target;
          setSelected(target);
          break;
        }
        case 'toggle':
          if (current) toggle(current);
          break;
        case 'note':
          if (current) note(current);
          break;
        case 'evidence':
          if (current) evidence(current);
          break;
        case 'nextPhase':
          nextPhase();
          break;
        case 'help':
          setHelpOpen(true);
          break;
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  // A click on a row selects it too, so the keys carry on from where the pointer was.
  const select = useCallback((id: string) => {
    selectedRef.current = id;
    setSelected(id);
  }, []);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  // A selected item that a filter or a live update took off the screen is no selection.
  const selectedId = selected !== null && ids.includes(selected) ? selected : null;
  return { selectedId, select, helpOpen, openHelp, closeHelp };
}
