'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { RecordCheckDto } from '@/lib/contracts/audit';
import { parseChainHead } from '@/lib/domain/chain-head';
import { formatUtc } from '@/lib/domain/clock';
import { plural } from '@/lib/domain/plural';
import { useRecordCheck } from './use-record-check';

function Outcome({ result, noun }: { result: RecordCheckDto; noun: string }) {
  const when = <span className="text-muted"> · checked {formatUtc(new Date(result.checkedAt))}</span>;
  if (!result.intact)
    return (
      <span className="text-danger" data-testid="record-check-outcome">
        ✗ Broken at #{result.brokenAt}: {result.reason}. {plural(result.checked, noun)} verified before it.{when}
      </span>
    );
  const unchained = result.unchained ? ` (the first ${result.unchained} from before it was chained, counted)` : '';
  return (
    <span data-testid="record-check-outcome">
      <span className="font-medium text-ok">
        ✓ Intact: {plural(result.checked, noun)}
        {unchained}
      </span>
      , unchanged since written. Chain head{' '}
      <code className="break-all text-xs" data-testid="record-check-head">
        {result.headHash ?? '(empty)'}
      </code>{' '}
      (audit key {result.keyId}){when}
    </span>
  );
}

function Compared({ compared }: { compared: NonNullable<RecordCheckDto['compared']> }) {
  return (
    <span className={compared.matches ? 'text-ok' : 'text-danger'} data-testid="record-check-compared">
      {compared.matches ? '✓' : '✗'} {compared.reason}
    </span>
  );
}

/**
 * "Verify the record": the server recomputes the record's hash chain with its audit keys and says
 * whether every entry is the one written, or where it breaks (docs/security.md). With `compare`, a
 * head kept elsewhere (the report's "Chain head" line, a webhook's chain) can be pasted: the check
 * then also says whether the record still passes through it.
 */
export function RecordCheck({
  path,
  queryKey,
  noun,
  compare = false,
}: {
  path: string;
  queryKey: readonly unknown[];
  noun: string;
  compare?: boolean;
}) {
  const [pasted, setPasted] = useState('');
  const kept = pasted.trim() ? parseChainHead(pasted) : null;
  const unreadable = pasted.trim() !== '' && !kept;
  const { result, checking, error, check } = useRecordCheck(kept ? `${path}?seq=${kept.seq}&hash=${kept.hash}` : path, [
    ...queryKey,
    kept?.seq ?? null,
    kept?.hash ?? null,
  ]);
  return (
    <div className="flex flex-col gap-2 text-sm">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Button onClick={check} disabled={checking || unreadable} data-testid="record-check">
          {checking ? 'Verifying…' : result ? 'Verify again' : 'Verify the record'}
        </Button>
        <p role="status" className="flex min-w-0 flex-1 flex-col gap-1">
          {result ? <Outcome result={result} noun={noun} /> : null}
          {result?.compared ? <Compared compared={result.compared} /> : null}
          {error && !checking ? <span className="text-danger">⚠ {error.message}</span> : null}
        </p>
      </div>
      {compare ? (
        // Folded away: most readers only verify; an auditor holding a report's head opens it.
        <details>
          <summary className="cursor-pointer text-link">Compare with a head you kept</summary>
          <label className="mt-1 flex flex-col gap-1">
            The report’s “Chain head” line, or a webhook’s chain
            <input
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              placeholder="Chain head: event #42, 9c1f…"
              className="min-h-9 rounded-md border border-line-strong bg-field px-2"
              aria-invalid={unreadable}
              data-testid="kept-head"
            />
            {unreadable ? (
              <span className="text-danger">
                That is not a head: it needs an event number and a hash of 64 hex digits.
              </span>
            ) : null}
          </label>
        </details>
      ) : null}
    </div>
  );
}
