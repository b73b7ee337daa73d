'use client';

import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

type Toast = { id: number; tone: 'error' | 'info'; message: string };
type ToastApi = { error: (message: string) => void; info: (message: string) => void };

const ToastContext = createContext<ToastApi>({ error: () => undefined, info: () => undefined });

export function useToast() {
  return useContext(ToastContext);
}

let nextId = 1;

/** Messages that say what happened and what to do next; errors stay until dismissed. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const push = useCallback(
    (tone: Toast['tone'], message: string) => {
      const id = nextId++;
      setToasts((list) => [...list.slice(-3), { id, tone, message }]);
      if (tone === 'info') setTimeout(() => dismiss(id), 4000);
    },
    [dismiss],
  );
  const [api] = useState<ToastApi>(() => ({ error: (m) => push('error', m), info: (m) => push('info', m) }));
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4"
        aria-live="assertive"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.tone === 'error' ? 'alert' : 'status'}
            className={cn(
              'pointer-events-auto flex max-w-lg items-start gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg',
              toast.tone === 'error'
                ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100'
                : 'border-slate-300 bg-surface text-foreground dark:border-slate-700',
            )}
          >
            <span aria-hidden>{toast.tone === 'error' ? '⚠' : 'ℹ'}</span>
            <span className="flex-1">{toast.message}</span>
            <button className="text-xs underline" onClick={() => dismiss(toast.id)}>
              Dismiss
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
