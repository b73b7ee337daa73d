'use client';

import { useEffect, useState } from 'react';
import { useNow } from '@/lib/client/use-now';
import { formatDuration } from '@/lib/domain/metrics/format';

/**
 * True once `lastTs` is older than `staleAfterMs` (server time). Flips with one timer at the exact
 * moment instead of re-rendering every second, so a chart re-renders only when it actually changes.
 */
export function useIsStale(lastTs: number | null, staleAfterMs: number, clientSkew: number): boolean {
  const compute = () => lastTs === null || Date.now() - clientSkew - lastTs > staleAfterMs;
  const [stale, setStale] = useState(compute);
  useEffect(() => {
    const update = () => setStale(lastTs === null || Date.now() - clientSkew - lastTs > staleAfterMs);
    update();
    if (lastTs === null) return;
    const wait = lastTs + staleAfterMs - (Date.now() - clientSkew);
    if (wait < 0) return;
    const timer = setTimeout(update, wait + 50);
    return () => clearTimeout(timer);
  }, [lastTs, staleAfterMs, clientSkew]);
  return stale;
}

/** "stale — no data for 40 s", counting up while it lasts; "no data yet" before the first sample. */
export function StaleBadge({
  lastTs,
  clientSkew,
  compact = false,
}: {
  lastTs: number | null;
  clientSkew: number;
  compact?: boolean;
}) {
  const now = useNow();
  const age = lastTs === null || now === null ? null : formatDuration(now - clientSkew - lastTs);
  const text =
    lastTs === null ? 'no data yet' : `${compact ? '' : 'stale — '}${age ? `no data for ${age}` : 'no recent data'}`;
  return (
    <span
      data-testid="stale-badge"
      className="inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700 tabular dark:bg-slate-700 dark:text-slate-200"
    >
      <span aria-hidden>⌀</span>
      {text}
    </span>
  );
}
