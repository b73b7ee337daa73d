'use client';

import { useEffect, useState } from 'react';

/** Asked this long after the last keystroke: one request per pause, not one per letter. */
const SEARCH_PAUSE_MS = 250;

/**
 * A search box's text, trimmed, once typing has paused, and whether the box holds something
 * newer than that (the caller's query has not been asked yet).
 */
export function useSettledSearch(search: string): { q: string; typing: boolean } {
  const [q, setQ] = useState(search.trim());
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search]);
  return { q, typing: search.trim() !== q };
}
