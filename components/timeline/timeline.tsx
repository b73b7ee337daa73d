'use client';

import { cn } from '@/components/ui/cn';
import { formatUtcTime, tMinus } from '@/lib/domain/clock';
import { describeEvent } from '@/lib/domain/event-log';
import { useLiveEvents } from './use-live-events';

const STANDS_OUT = new Set([
  'gate.overridden',
  'rollback.declared',
  'health.level_changed',
  'deployment.transitioned',
  'gate.opened',
]);

/** The live timeline: fed by the socket hook through the query cache, newest first. */
export function Timeline({
  deploymentId,
  goLiveAt,
  limit = 50,
}: {
  deploymentId: string;
  goLiveAt: string;
  limit?: number;
}) {
  const events = useLiveEvents(deploymentId);
  const shown = events.slice(-limit).reverse();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="mb-2 text-lg font-semibold">
        Timeline
      </h2>
      {shown.length === 0 ? <p className="text-sm text-faint">Nothing has happened yet.</p> : null}
      <ol className="flex flex-col gap-2" data-testid="timeline">
        {shown.map((event) => (
          <li
            key={event.seq}
            data-seq={event.seq}
            className={cn(
              'rounded-md border px-3 py-2 text-sm',
              STANDS_OUT.has(event.type)
                ? 'border-amber-400 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40'
                : 'border-line',
            )}
          >
            <div className="flex flex-wrap gap-x-2 text-xs text-faint">
              <span className="tabular">{formatUtcTime(new Date(event.at))}</span>
              <span className="tabular">{tMinus(new Date(goLiveAt), new Date(event.at)).label}</span>
              <span>#{event.seq}</span>
            </div>
            <p>
              <span className="font-medium">{event.actor ?? 'System'}</span>
              {event.role ? <span className="text-faint"> ({event.role})</span> : null} {describeEvent(event)}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
