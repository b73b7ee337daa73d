'use client';

import { cn } from '@/components/ui/cn';
import { formatUtcTime } from '@/lib/domain/clock';
import { useCheckRuns } from './use-check-runs';

/**
 * The check's recent runs (newest first, at most 20) in the badge's details: when, passed or
 * failed, how long it took and the first line of what it saw — the whole output on tap.
 */
export function CheckRuns({
  deploymentId,
  itemId,
  lastRunAt,
}: {
  deploymentId: string;
  itemId: string;
  lastRunAt: string | null;
}) {
  const runs = useCheckRuns(deploymentId, itemId, lastRunAt, true);
  if (runs.isPending) return <p className="mt-2 text-faint">Loading the recent runs…</p>;
  if (runs.isError) return <p className="mt-2 text-faint">The recent runs could not be loaded.</p>;
  if (!runs.data.length) return null;
  return (
    <div className="mt-2" data-testid="check-runs">
      <p className="font-medium">Recent runs ({runs.data.length})</p>
      <ol className="mt-1 max-h-48 space-y-0.5 overflow-auto">
        {runs.data.map((run) => (
          <li key={run.at} data-ok={run.ok}>
            <details>
              <summary className="cursor-pointer">
                <span className={cn('font-medium', run.ok ? 'text-ok' : 'text-danger')}>
                  {run.ok ? '✓ passed' : '✕ failed'}
                </span>{' '}
                {formatUtcTime(new Date(run.at))}
                {run.durationMs !== null ? <span className="text-faint"> · {run.durationMs} ms</span> : null}
                <span className="text-faint"> · {run.output.split('\n')[0]}</span>
              </summary>
              <pre className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap break-all font-mono">{run.output}</pre>
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}
