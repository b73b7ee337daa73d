import { healthLook, stateLook, type Tone } from '@/components/ui/badges';
import { cn } from '@/components/ui/cn';
import { formatDuration, tMinus } from '@/lib/domain/clock';
import type { PresenceEntry } from '@/lib/domain/merge-presence';
import type { PublicDecision, PublicStatus } from '@/lib/domain/public-status';
import { phaseClock } from '@/lib/domain/wall';

/** The connection as the wall says it, small in a corner: nobody stands at a wall to fix it. */
export type WallConnection = 'connecting' | 'live' | 'reconnecting' | 'revoked' | 'refused';

const TONE: Record<Tone, string> = {
  green: 'bg-emerald-950 text-emerald-200 ring-emerald-700',
  amber: 'bg-amber-950 text-amber-200 ring-amber-600',
  red: 'bg-red-950 text-red-200 ring-red-600',
  blue: 'bg-sky-950 text-sky-200 ring-sky-700',
  grey: 'bg-slate-900 text-slate-200 ring-slate-700',
};

const DECISION: Record<PublicDecision, { words: string; className: string }> = {
  approved: { words: 'GO', className: 'bg-emerald-800 text-emerald-50' },
  rejected: { words: 'NO-GO', className: 'bg-red-800 text-red-50' },
  overridden: { words: 'GO ⚑', className: 'bg-amber-700 text-amber-50' },
  pending: { words: 'WAIT', className: 'bg-slate-700 text-slate-100' },
};

const CONNECTION: Record<WallConnection, { dot: string; words: string }> = {
  connecting: { dot: 'bg-slate-400', words: 'connecting' },
  live: { dot: 'bg-emerald-400', words: 'live' },
  reconnecting: { dot: 'bg-amber-400 animate-pulse', words: 'reconnecting' },
  revoked: { dot: 'bg-slate-500', words: 'link revoked' },
  refused: { dot: 'bg-slate-500', words: 'no access' },
};

const utc = (iso: string) => {
  const d = new Date(iso);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}Z`;
};

function Panel({ title, className, children }: { title: string; className?: string; children: React.ReactNode }) {
  return (
    <section
      aria-label={title}
      className={cn('flex min-h-0 flex-col overflow-hidden rounded-2xl p-[1.2vw] ring-1 ring-inset', className)}
    >
      <h2 className="text-[clamp(0.8rem,1.1vw,1.5rem)] font-semibold uppercase tracking-wider opacity-70">{title}</h2>
      {children}
    </section>
  );
}

function CurrentPhase({ status, now }: { status: PublicStatus; now: number | null }) {
  const phase = status.phases.find((p) => p.status === 'active') ?? null;
  const index = phase ? status.phases.indexOf(phase) : -1;
  const clock = phase && now !== null ? phaseClock(phase, now) : null;
  return (
    <Panel title={status.track === 'rollback' ? 'Rollback' : 'Now'} className={TONE.grey}>
      <p className="mt-[0.5vw] truncate text-[clamp(1.5rem,3vw,4rem)] font-bold" data-testid="wall-phase">
        {phase ? phase.title : status.finishedAt ? 'Finished' : status.state === 'planned' ? 'Not started' : '—'}
      </p>
      <p className="text-[clamp(1rem,1.5vw,2rem)] text-slate-300">
        {phase ? `phase ${index + 1} of ${status.phases.length}` : '\u00a0'}
        {clock ? (
          <span className={cn('tabular ml-[1vw] font-semibold', clock.over ? 'text-amber-300' : 'text-slate-100')}>
            {formatDuration(clock.elapsedSec)}
            {clock.plannedSec !== null ? ` of ${formatDuration(clock.plannedSec)} planned` : ''}
          </span>
        ) : null}
      </p>
      <div className="mt-auto flex items-end gap-[1vw] pt-[0.5vw]">
        <span className="tabular text-[clamp(2rem,5vw,7rem)] leading-none font-bold" data-testid="wall-progress">
          {status.progress.percent}%
        </span>
        <span className="tabular pb-[0.4vw] text-[clamp(1rem,1.5vw,2rem)] text-slate-300">
          {status.progress.done} of {status.progress.total} steps
        </span>
      </div>
      <div className="mt-[0.6vw] h-[0.8vw] min-h-2 overflow-hidden rounded-full bg-slate-700" aria-hidden>
        <div className="h-full rounded-full bg-emerald-500" style={{ width: `${status.progress.percent}%` }} />
      </div>
    </Panel>
  );
}

/**
 * The war-room wall: one dark screen for the TV, read from across the room at 1280×720 up to
 * 1920×1080 and beyond. Sizes follow the viewport, nothing scrolls, nothing needs a click; what
 * does not fit is cut (three updates, the gates of the plan as chips), never wrapped off-screen.
 * On a phone the panels stack and the page scrolls: a phone is held, not hung on a wall.
 */
export function WallView({
  status,
  now,
  connection,
  online,
  onlineCount,
  charts,
}: {
  status: PublicStatus;
  now: number | null;
  connection: WallConnection;
  /** Who has the war room open (the signed-in wall only; the public wall names nobody). */
  online?: PresenceEntry[];
  /** Everyone online; `online` names at most PRESENCE_LIST_MAX of them. */
  onlineCount?: number;
  /** The key charts under the health level (the signed-in wall only: outsiders get the level). */
  charts?: React.ReactNode;
}) {
  const state = stateLook(status.state);
  const health = healthLook(status.health.level);
  const link = CONNECTION[connection];
  const clock = now === null ? null : tMinus(new Date(status.goLiveAt), new Date(now));
  return (
    <main
      className="dark grid min-h-dvh grid-cols-1 gap-3 bg-slate-950 p-3 text-slate-100 sm:h-dvh sm:grid-cols-3 sm:grid-rows-[auto_1fr_1fr] sm:gap-[1vw] sm:overflow-hidden sm:p-[1.2vw]"
      data-testid="wall"
    >
      <header className="flex flex-wrap items-center gap-x-[2vw] gap-y-1 sm:col-span-3 sm:flex-nowrap">
        {status.rehearsal ? (
          <span
            className="shrink-0 rounded-lg bg-violet-700 px-[0.8vw] py-[0.2vw] text-[clamp(1rem,2vw,3rem)] font-bold tracking-wider text-violet-50"
            data-testid="wall-rehearsal"
          >
            REHEARSAL
          </span>
        ) : null}
        <h1 className="min-w-0 flex-1 truncate text-[clamp(1.5rem,3vw,4.5rem)] font-bold" data-testid="wall-name">
          {status.name}
          {status.version && !status.name.includes(status.version) ? (
            <span className="ml-[1vw] font-normal text-slate-400">{status.version}</span>
          ) : null}
        </h1>
        <span className="tabular text-[clamp(1.5rem,3.5vw,5rem)] font-bold" data-testid="wall-clock">
          {clock ? clock.label : '\u00a0'}
        </span>
        <span className="flex items-center gap-2 text-[clamp(0.8rem,1vw,1.3rem)] text-slate-400" role="status">
          <span className={cn('inline-block size-3 rounded-full', link.dot)} aria-hidden />
          {link.words}
        </span>
      </header>

      <Panel title="State" className={TONE[state.tone]}>
        <p className="mt-auto text-[clamp(2rem,4.5vw,6.5rem)] leading-tight font-bold" data-testid="wall-state">
          <span aria-hidden className="mr-[0.8vw]">
            {state.icon}
          </span>
          {status.stateLabel}
        </p>
        <p className="tabular mt-auto text-[clamp(1rem,1.5vw,2rem)] opacity-80">go-live {utc(status.goLiveAt)}</p>
      </Panel>

      <Panel title="Health" className={TONE[health.tone]}>
        <p
          className={cn(
            'leading-tight font-bold',
            charts ? 'mt-[0.3vw] text-[clamp(1.5rem,2.8vw,4rem)]' : 'mt-auto text-[clamp(2rem,4.5vw,6.5rem)]',
          )}
          data-testid="wall-health"
        >
          <span aria-hidden className="mr-[0.8vw]">
            {health.icon}
          </span>
          {status.health.label}
          {charts ? (
            <span className="ml-[0.8vw] text-[clamp(0.9rem,1.2vw,1.6rem)] font-normal opacity-80">
              level {status.health.level} of 3
            </span>
          ) : null}
        </p>
        {charts ?? <p className="mt-auto text-[clamp(1rem,1.5vw,2rem)] opacity-80">level {status.health.level} of 3</p>}
      </Panel>

      <CurrentPhase status={status} now={now} />

      <Panel title="Go / no-go" className={TONE.grey}>
        <ul className="mt-[0.6vw] flex min-h-0 flex-col gap-[0.5vw] overflow-hidden" data-testid="wall-gates">
          {status.gates.length === 0 ? <li className="text-[clamp(1rem,1.5vw,2rem)] text-slate-400">none</li> : null}
          {status.gates.map((gate, index) => (
            <li key={`${index}-${gate.title}`} className="flex items-center gap-[0.8vw] text-[clamp(1rem,1.5vw,2rem)]">
              <span
                className={cn(
                  'shrink-0 rounded-full px-[0.7vw] py-[0.1vw] font-bold',
                  DECISION[gate.decision].className,
                )}
              >
                {DECISION[gate.decision].words}
              </span>
              <span className="truncate">{gate.title}</span>
            </li>
          ))}
        </ul>
      </Panel>

      <Panel title="Latest updates" className={cn(TONE.grey, online ? '' : 'sm:col-span-2')}>
        <ul className="mt-[0.6vw] flex min-h-0 flex-col gap-[0.8vw] overflow-hidden" data-testid="wall-updates">
          {status.updates.length === 0 ? (
            <li className="text-[clamp(1rem,1.5vw,2rem)] text-slate-400">No updates posted yet.</li>
          ) : null}
          {status.updates.slice(0, 3).map((update, index) => (
            <li key={`${update.at}-${index}`}>
              <p className="line-clamp-2 text-[clamp(1rem,1.6vw,2.2rem)] leading-snug">{update.message}</p>
              <p className="tabular text-[clamp(0.8rem,1.1vw,1.5rem)] text-slate-400">
                {utc(update.at)}
                {update.by ? ` · ${update.by}` : ''}
              </p>
            </li>
          ))}
        </ul>
      </Panel>

      {online ? (
        <Panel title={`Online · ${Math.max(onlineCount ?? 0, online.length)}`} className={TONE.grey}>
          <ul
            className="mt-[0.6vw] flex min-h-0 flex-wrap content-start gap-[0.5vw] overflow-hidden"
            data-testid="wall-online"
          >
            {online.map((person) => (
              <li
                key={person.userId}
                className="rounded-full bg-slate-800 px-[0.8vw] py-[0.2vw] text-[clamp(0.9rem,1.3vw,1.8rem)]"
              >
                {person.name}
                {person.roleKeys.length ? (
                  <span className="text-slate-400"> · {person.roleKeys.join(', ')}</span>
                ) : null}
              </li>
            ))}
            {onlineCount && onlineCount > online.length ? (
              <li className="rounded-full px-[0.8vw] py-[0.2vw] text-[clamp(0.9rem,1.3vw,1.8rem)] text-slate-400">
                and {onlineCount - online.length} more
              </li>
            ) : null}
          </ul>
        </Panel>
      ) : null}
    </main>
  );
}
