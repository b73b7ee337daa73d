'use client';

import { cn } from '@/components/ui/cn';
import { useNow } from '@/lib/client/use-now';
import { tMinus } from '@/lib/domain/clock';

/** The big T± clock. Fixed-width figures so nothing shifts as it ticks. */
export function TMinusClock({ goLiveAt, className = '' }: { goLiveAt: string; className?: string }) {
  const now = useNow();
  const label = now === null ? 'T·--:--:--' : tMinus(new Date(goLiveAt), new Date(now)).label;
  return (
    <span
      className={cn('tabular font-mono font-semibold', className)}
      data-testid="t-minus"
      aria-label={`Time relative to go-live: ${label}`}
    >
      {label}
    </span>
  );
}
