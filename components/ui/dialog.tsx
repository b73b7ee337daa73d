'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { cn } from './cn';

/**
 * A small modal on the native <dialog>: focus is trapped, Escape closes, the page behind is inert.
 * Rendered only while open, so a dialog's draft starts empty each time it opens.
 */
export function Dialog({
  title,
  onClose,
  children,
  testId,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  /** Room for two columns (a side-by-side diff). */
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={cn(
        'm-auto max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] overflow-y-auto rounded-xl border border-slate-300 bg-surface p-0 text-foreground shadow-2xl backdrop:bg-slate-950/60 dark:border-slate-700',
        wide && 'w-[min(56rem,calc(100vw-2rem))]',
      )}
    >
      <div className="flex flex-col gap-4 p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}
