import type { LiveStatus } from '@/lib/realtime/use-deployment-live';

const LOOK: Record<LiveStatus, { dot: string; label: string }> = {
  connecting: { dot: 'bg-slate-400', label: 'Connecting…' },
  live: { dot: 'bg-emerald-500', label: 'Live' },
  reconnecting: { dot: 'bg-amber-500 animate-pulse', label: 'Reconnecting…' },
  refused: { dot: 'bg-red-500', label: 'No access' },
};

export function LiveIndicator({ status }: { status: LiveStatus }) {
  const look = LOOK[status];
  return (
    <span className="inline-flex items-center gap-1.5 text-sm" data-testid="live-indicator" data-status={status}>
      <span className={`inline-block h-2.5 w-2.5 rounded-full ${look.dot}`} aria-hidden />
      <span>{look.label}</span>
    </span>
  );
}
