'use client';

import { useState } from 'react';
import { Badge, type Tone } from '@/components/ui/badges';
import type { CheckDto } from '@/lib/contracts/items';
import { formatUtcTime } from '@/lib/domain/clock';
import { CheckRuns } from './check-runs';

const LOOK: Record<CheckDto['state'], { tone: Tone; icon: string; label: string }> = {
  waiting: { tone: 'grey', icon: '◷', label: 'Check waiting' },
  checking: { tone: 'blue', icon: '⟳', label: 'Checking' },
  passing: { tone: 'green', icon: '✓', label: 'Check passing' },
  failing: { tone: 'red', icon: '✕', label: 'Check failing' },
};

/**
 * A step's check, live: its state (with passes so far while checking), the last run's output on
 * hover (title) and on tap (the details open), for phones that have no hover. Open, it lists the
 * recent runs too (fetched then, not before).
 */
export function CheckBadge({ check, deploymentId }: { check: CheckDto; deploymentId: string }) {
  const [open, setOpen] = useState(false);
  const look = LOOK[check.state];
  const label =
    check.state === 'checking' && check.passesNeeded > 1
      ? `${look.label} ${check.streak}/${check.passesNeeded}`
      : look.label;
  const last = check.lastRun;
  const title = last
    ? `${check.description}\n${formatUtcTime(new Date(last.at))} · ${last.ok ? 'passed' : 'failed'}\n${last.output}`
    : check.description;
  return (
    <details
      className="group inline-block open:basis-full"
      data-testid="check-badge"
      data-state={check.state}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="cursor-pointer list-none [&::-webkit-details-marker]:hidden" title={title}>
        <Badge tone={look.tone} icon={look.icon}>
          {label}
        </Badge>
      </summary>
      <div className="mt-1 max-w-full rounded-md border border-line bg-subtle p-2 text-xs">
        <p className="font-mono break-all">{check.description}</p>
        {last ? (
          <>
            <p className="mt-1 text-faint">
              Last run {formatUtcTime(new Date(last.at))}: {last.ok ? 'passed' : 'failed'}
              {last.durationMs !== undefined ? ` in ${last.durationMs} ms` : ''}
            </p>
            <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-all font-mono">{last.output}</pre>
          </>
        ) : (
          <p className="mt-1 text-faint">No run yet: it runs while its phase is running.</p>
        )}
        {open && last ? <CheckRuns deploymentId={deploymentId} itemId={check.itemId} lastRunAt={last.at} /> : null}
      </div>
    </details>
  );
}
