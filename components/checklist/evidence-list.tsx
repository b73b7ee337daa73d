'use client';

import { useState } from 'react';
import { Badge, type Tone } from '@/components/ui/badges';
import { Button } from '@/components/ui/button';
import type { EvidenceDto } from '@/lib/contracts/items';
import { formatUtcTime } from '@/lib/domain/clock';
import type { EvidenceMatch } from '@/lib/domain/evidence/expected-output';
import { MATCH_LABEL } from '@/lib/domain/evidence/proof';
import { describeRedaction } from '@/lib/domain/evidence/redact';
import { useEvidenceText } from './use-evidence-text';

const LOOK: Record<EvidenceMatch, { tone: Tone; icon: string }> = {
  match: { tone: 'green', icon: '✓' },
  mismatch: { tone: 'amber', icon: '⚠' },
  unknown: { tone: 'grey', icon: '?' },
};

/** Match / mismatch / not compared, always with a word and an icon (never colour alone). */
export function MatchBadge({ match }: { match: EvidenceMatch }) {
  return (
    <Badge tone={LOOK[match].tone} icon={LOOK[match].icon}>
      {MATCH_LABEL[match]}
    </Badge>
  );
}

const SHOWN = 3;

/** An item's evidence, latest first: the result and why, who and when, the link, the output on demand. */
export function EvidenceList({ evidence, total }: { evidence: EvidenceDto[]; total: number }) {
  const [all, setAll] = useState(false);
  if (!evidence.length) return null;
  const shown = all ? evidence : evidence.slice(0, SHOWN);
  return (
    <div className="mt-2">
      <h4 className="sr-only">Evidence</h4>
      <ul className="flex flex-col gap-1" data-testid="evidence-list">
        {shown.map((entry) => (
          <EvidenceEntry key={entry.id} entry={entry} />
        ))}
      </ul>
      {total > SHOWN && !all ? (
        <button type="button" className="mt-1 text-xs text-link hover:underline" onClick={() => setAll(true)}>
          Show all {Math.min(total, evidence.length)} pieces of evidence
        </button>
      ) : null}
    </div>
  );
}

function EvidenceEntry({ entry }: { entry: EvidenceDto }) {
  const [wanted, setWanted] = useState(false);
  const full = useEvidenceText(entry.href, wanted);
  const whole = full.data ?? null;
  const loading = full.isFetching;
  const load = () => setWanted(true);
  return (
    <li
      className="rounded-md border border-line bg-subtle/50 px-2 py-1 text-xs"
      data-testid="evidence"
      data-match={entry.match}
    >
      <div className="flex flex-wrap items-center gap-2">
        <MatchBadge match={entry.match} />
        <span className="text-soft" data-testid="evidence-reason">
          {entry.reason}
        </span>
      </div>
      <p className="mt-0.5 text-faint">
        {entry.source === 'manual' ? '' : `${entry.source.toUpperCase()} · `}
        {entry.by ?? 'someone'} at {formatUtcTime(new Date(entry.at))}
        {entry.url ? (
          <>
            {' · '}
            <a
              href={entry.url}
              target="_blank"
              rel="noopener noreferrer nofollow"
              className="text-link hover:underline"
            >
              {linkLabel(entry.url)}
            </a>
          </>
        ) : null}
        {entry.redacted ? (
          <span data-testid="evidence-redacted"> · {describeRedaction(entry.redacted, entry.redactedKinds)}</span>
        ) : null}
      </p>
      {entry.text !== null ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-muted">
            Output ({entry.textLength.toLocaleString('en')} characters)
          </summary>
          <pre
            tabIndex={0}
            className="mt-1 max-h-64 overflow-auto rounded bg-slate-100 p-2 font-mono dark:bg-slate-950"
          >
            {whole ?? entry.text}
          </pre>
          {entry.textTruncated && whole === null ? (
            <Button type="button" variant="ghost" className="mt-1 min-h-8 text-xs" onClick={load} disabled={loading}>
              {loading ? 'Loading…' : 'Show the whole output'}
            </Button>
          ) : null}
        </details>
      ) : null}
    </li>
  );
}

function linkLabel(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname.length > 1 ? u.pathname : ''}`.slice(0, 60);
  } catch {
    return 'link';
  }
}
