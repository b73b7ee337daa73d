'use client';

import { useEffect, useState } from 'react';
import { tMinus } from '@/lib/domain/clock';

/** The big T± clock; rendered on the server with the same instant to avoid a jump on load. */
export function TMinusClock({ goLiveAt, className = '' }: { goLiveAt: string; className?: string }) {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const label = now ? tMinus(new Date(goLiveAt), now).label : 'T·--:--:--';
  return (
    <span className={`tabular font-mono font-semibold ${className}`} data-testid="t-minus" aria-label={`Time relative to go-live: ${label}`}>
      {label}
    </span>
  );
}
