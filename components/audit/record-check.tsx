'use client';

import { Button } from '@/components/ui/button';
import type { RecordCheckDto } from '@/lib/contracts/audit';
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

/**
 * "Verify the record": the server recomputes the record's hash chain with its audit keys and says
 * whether every entry is the one written, or where it breaks (docs/security.md). The head is for
 * comparing with a copy kept elsewhere: the report's, a webhook's, the CSV's.
 */
export function RecordCheck({ path, queryKey, noun }: { path: string; queryKey: readonly unknown[]; noun: string }) {
  const { result, checking, error, check } = useRecordCheck(path, queryKey);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <Button onClick={check} disabled={checking} data-testid="record-check">
        {checking ? 'Verifying…' : result ? 'Verify again' : 'Verify the record'}
      </Button>
      <p role="status" className="min-w-0 flex-1">
        {result ? <Outcome result={result} noun={noun} /> : null}
        {error && !checking ? <span className="text-danger">⚠ {error.message}</span> : null}
      </p>
    </div>
  );
}
