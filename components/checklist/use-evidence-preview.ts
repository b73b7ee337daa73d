'use client';

import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Comparison } from '@/lib/domain/evidence/expected-output';
import type { Redaction } from '@/lib/domain/evidence/redact';

type Engine = {
  compare: (expected: string | null, output: string) => Comparison;
  redact: (text: string) => Redaction;
};

const NO_PREVIEW: Engine = {
  compare: () => ({ match: 'unknown', reason: 'No preview: the server compares it when you attach' }),
  redact: (text) => ({ text, count: 0, kinds: [] }),
};

/**
 * What the server will say about pasted output, shown while the person types: the same pure
 * rules (lib/domain/evidence), loaded only when an evidence form opens so the checklist's own
 * bundle stays small. The server's answer is the one recorded.
 */
export function useEvidencePreview(expected: string | null, text: string) {
  const [engine, setEngine] = useState<Engine | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([import('@/lib/domain/evidence/expected-output'), import('@/lib/domain/evidence/redact')])
      .then(([compare, redact]) => ({ compare: compare.compareWithExpected, redact: redact.redactSecrets }))
      // The rules could not load (a dropped connection): no preview, and the server still decides.
      .catch(() => NO_PREVIEW)
      .then((loaded) => {
        if (live) setEngine(loaded);
      });
    return () => {
      live = false;
    };
  }, []);
  const deferred = useDeferredValue(text);
  return useMemo(() => {
    if (!engine) return { ready: false as const };
    if (!deferred.trim()) return { ready: true as const, comparison: null, redaction: null };
    const redaction = engine.redact(deferred);
    return { ready: true as const, comparison: engine.compare(expected, redaction.text), redaction };
  }, [engine, expected, deferred]);
}
