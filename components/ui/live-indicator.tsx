import { cn } from '@/components/ui/cn';
import type { LiveStatus } from '@/lib/realtime/client/use-deployment-live';

const LOOK: Record<LiveStatus, { dot: string; label: string; hint?: string }> = {
  connecting: { dot: 'bg-slate-400', label: 'Connecting…' },
  live: { dot: 'bg-emerald-500', label: 'Live' },
  'partly-live': {
    dot: 'bg-amber-500',
    label: 'Partly live',
    hint: 'This server has lost touch with the other servers: changes made through them show up when it reconnects.',
  },
  reconnecting: { dot: 'bg-amber-500 animate-pulse', label: 'Reconnecting…' },
  refused: { dot: 'bg-red-500', label: 'No access' },
};

export function LiveIndicator({ status }: { status: LiveStatus }) {
  const look = LOOK[status];
  return (
    <span
      className="inline-flex items-center gap-1.5 text-sm"
      data-testid="live-indicator"
      data-status={status}
      title={look.hint}
    >
      <span className={cn('inline-block h-2.5 w-2.5 rounded-full', look.dot)} aria-hidden />
      <span>{look.label}</span>
      {look.hint ? <span className="sr-only">{look.hint}</span> : null}
    </span>
  );
}
