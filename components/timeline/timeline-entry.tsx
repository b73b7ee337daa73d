import { cn } from '@/components/ui/cn';
import { tMinus } from '@/lib/domain/clock';
import { describeEvent, type TimelineEvent } from '@/lib/domain/event-log';
import { emphasisOf, type Emphasis } from '@/lib/domain/timeline';

const LOOK: Record<Exclude<Emphasis, null>, { cls: string; tag: string; icon: string }> = {
  rollback: { cls: 'border-red-500 bg-red-50 dark:border-red-700 dark:bg-red-950/50', tag: 'ROLLBACK', icon: '↺' },
  override: {
    cls: 'border-amber-500 bg-amber-50 dark:border-amber-600 dark:bg-amber-950/50',
    tag: 'OVERRIDE',
    icon: '⚑',
  },
  reject: { cls: 'border-red-400 bg-surface dark:border-red-800', tag: 'NO-GO', icon: '✖' },
  decision: { cls: 'border-sky-400 bg-sky-50 dark:border-sky-700 dark:bg-sky-950/40', tag: 'DECISION', icon: '◆' },
};

/** '2026-11-26 01:14:07Z': to the second, since several things happen in one minute of a go-live. */
const utcSeconds = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z`;

/** One timeline entry: who, in which role, what, when (UTC and T±); decisions, overrides and rollbacks stand out. */
export function TimelineEntry({
  event,
  goLiveAt,
  roleName,
  plain = false,
}: {
  event: TimelineEvent;
  goLiveAt: string;
  roleName?: string;
  plain?: boolean;
}) {
  const emphasis = plain ? null : emphasisOf(event);
  const look = emphasis ? LOOK[emphasis] : null;
  const at = new Date(event.at);
  return (
    <li
      data-seq={event.seq}
      data-type={event.type}
      data-testid="timeline-entry"
      className={cn('rounded-md border px-3 py-2 text-sm', look ? `border-l-4 ${look.cls}` : 'border-line')}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-muted">
        <time className="tabular" dateTime={event.at}>
          {utcSeconds(at.toISOString())}
        </time>
        <span className="tabular font-medium">{tMinus(new Date(goLiveAt), at).label}</span>
        {look ? (
          <span className="font-bold tracking-wide text-foreground">
            <span aria-hidden>{look.icon} </span>
            {look.tag}
          </span>
        ) : null}
        <span className="ml-auto tabular">#{event.seq}</span>
      </div>
      <p className="mt-0.5">
        <span className="font-medium">{event.actor ?? 'System'}</span>
        {event.role ? <span className="text-muted"> ({roleName ?? event.role})</span> : null} {describeEvent(event)}
      </p>
    </li>
  );
}
