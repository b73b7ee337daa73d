'use client';

import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs`, for schedule labels ('+12 min over'). Null on
 * the server render and the first client render, so both render the same markup.
 */
export function useNow(intervalMs = 5000): Date | null {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
