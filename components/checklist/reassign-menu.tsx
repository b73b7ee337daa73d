'use client';

import { useRef } from 'react';
import { cn } from '@/components/ui/cn';

type Role = { key: string; name: string };

/**
 * "Move to…": the IC's menu on a step or a section heading. A native <details> so it opens with
 * Enter or Space, and closes by itself after a choice.
 */
export function ReassignMenu({
  label,
  currentKey,
  roles,
  onMove,
  compact = false,
}: {
  label: string;
  currentKey: string | null;
  roles: Role[];
  onMove: (roleKey: string) => void;
  compact?: boolean;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  return (
    <details ref={ref} className="relative" data-testid="reassign-menu">
      <summary
        className={cn(
          'cursor-pointer list-none rounded-md border border-line-strong px-2 text-soft hover:bg-subtle focus-visible:outline-2 focus-visible:outline-sky-500',
          compact ? 'py-0.5 text-xs' : 'min-h-9 py-1.5 text-sm',
        )}
        title={label}
      >
        Move to…<span className="sr-only"> ({label})</span>
      </summary>
      <ul
        role="menu"
        className="absolute right-0 z-20 mt-1 max-h-72 w-56 overflow-auto rounded-md border border-slate-200 bg-surface p-1 shadow-lg dark:border-slate-700"
      >
        {roles.map((role) => (
          <li key={role.key} role="none">
            <button
              type="button"
              role="menuitem"
              disabled={role.key === currentKey}
              onClick={() => {
                if (ref.current) ref.current.open = false;
                onMove(role.key);
              }}
              className="flex w-full items-center justify-between rounded px-2 py-2 text-left text-sm hover:bg-subtle disabled:cursor-default disabled:text-faint"
            >
              {role.name}
              {role.key === currentKey ? <span className="text-xs">current</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
