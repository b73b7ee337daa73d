'use client';

import { Fragment, useEffect, useLayoutEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Dialog } from '@/components/ui/dialog';
import { SHORTCUT_HELP } from '@/lib/domain/shortcuts';

/** A key cap; `small` sits inside a line of small text without making it taller. */
export function Kbd({ children, small = false }: { children: string; small?: boolean }) {
  const size = small ? 'min-w-4 px-1 text-[0.7rem] leading-4' : 'min-w-7 px-1.5 py-0.5 text-sm';
  return (
    <kbd
      className={cn(
        'inline-flex items-center justify-center rounded border border-line-strong bg-subtle font-mono text-foreground shadow-[0_1px_0_rgb(148_163_184)] dark:shadow-[0_1px_0_rgb(71_85_105)]',
        size,
      )}
    >
      {children}
    </kbd>
  );
}

/**
 * The `?` overlay. The native modal dialog traps focus and closes on Escape; it is removed rather
 * than closed, which does not hand focus back, so focus goes back here to where it was.
 */
export function ShortcutsOverlay({ onClose, canDrive }: { onClose: () => void; canDrive: boolean }) {
  const before = useRef<Element | null>(null);
  // A layout effect runs before the dialog's own effect opens it and moves focus inside.
  useLayoutEffect(() => {
    before.current = document.activeElement;
  }, []);
  // A passive cleanup runs after the dialog has left the page: while it is there, the page is inert.
  useEffect(
    () => () => {
      const target = before.current;
      if (target instanceof HTMLElement && target !== document.body && target.isConnected) target.focus();
    },
    [],
  );

  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} testId="shortcuts-overlay">
      <table className="w-full text-sm">
        <caption className="sr-only">Checklist keyboard shortcuts</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUT_HELP.map(({ action, keys, label }) => (
            <tr key={action} className="border-b border-line last:border-0">
              <td className="py-2 pr-4 align-top whitespace-nowrap">
                {keys.map((sequence, i) => (
                  <Fragment key={sequence.join(' ')}>
                    {i > 0 ? <span className="px-1 text-faint">or</span> : null}
                    {sequence.map((key, j) => (
                      <Fragment key={key}>
                        {j > 0 ? <span className="px-1 text-faint">then</span> : null}
                        <Kbd>{key}</Kbd>
                      </Fragment>
                    ))}
                  </Fragment>
                ))}
              </td>
              <td className="py-2 align-top">
                {label}
                {action === 'nextPhase' && !canDrive ? (
                  <span className="block text-xs text-muted">Incident commander only</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm text-muted">
        Keys pause while you type in a field or a dialog is open. Only items your role may change can be ticked.
      </p>
      <div className="flex justify-end">
        <Button type="button" variant="primary" className="min-h-11 px-4" onClick={onClose} autoFocus>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
