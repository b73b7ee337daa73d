import { healthLook, stateLook, type Tone } from '@/components/ui/badges';
import { cn } from '@/components/ui/cn';
import { formatDuration } from '@/lib/domain/clock';
import type { PublicDecision, PublicGate, PublicPhase, PublicStatus, PublicUpdate } from '@/lib/domain/public-status';

/** '08:00 UTC': the same clock for everyone, in words outsiders know. */
export function utcTime(iso: string | Date): string {
  const date = new Date(iso);
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')} UTC`;
}

export function relative(target: Date, now: number): string {
  const seconds = Math.round((target.getTime() - now) / 1000);
  if (Math.abs(seconds) < 60) return 'now';
  const minutes = Math.round(Math.abs(seconds) / 60) * 60;
  return seconds > 0 ? `in ${formatDuration(minutes)}` : `${formatDuration(minutes)} ago`;
}

/** Each state in plain words for people outside the room. */
const STATE_WORDS: Record<string, string> = {
  planned: 'Not started yet',
  preflight: 'Final checks before go-live',
  in_progress: 'The change is being rolled out',
  monitoring: 'Live; the team is watching closely',
  on_hold: 'Paused by the incident commander',
  rolling_back: 'The change is being reverted',
  completed: 'Done: the change is live',
  rolled_back: 'The change was reverted',
  aborted: 'Stopped before it went live',
};

const HEALTH_WORDS: Record<number, string> = {
  1: 'All metrics within their targets',
  2: 'Some metrics are off target; the team is on it',
  3: 'Metrics are critical; a rollback may follow',
};

/** The badges' tones, as large light cards outsiders read at a glance. */
const CARD_TONE: Record<Tone, string> = {
  green: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  amber: 'bg-amber-50 text-amber-900 ring-amber-300',
  red: 'bg-red-50 text-red-900 ring-red-300',
  blue: 'bg-sky-50 text-sky-900 ring-sky-300',
  grey: 'bg-slate-100 text-slate-800 ring-slate-300',
};

function Card({ label, children, className = '' }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <section className={cn('rounded-2xl px-5 py-4 ring-1 ring-inset', className)} aria-label={label}>
      <h2 className="text-sm font-medium uppercase tracking-wide opacity-75">{label}</h2>
      {children}
    </section>
  );
}

export function StateCard({ status }: { status: PublicStatus }) {
  const look = stateLook(status.state);
  return (
    <Card label="State" className={CARD_TONE[look.tone]}>
      <p className="mt-1 text-3xl font-bold" data-testid="public-state">
        <span aria-hidden className="mr-2">
          {look.icon}
        </span>
        {status.stateLabel}
      </p>
      <p className="mt-1 text-base">{STATE_WORDS[status.state] ?? status.stateLabel}</p>
    </Card>
  );
}

export function HealthCard({ health }: { health: PublicStatus['health'] }) {
  const look = healthLook(health.level);
  return (
    <Card label="Health" className={CARD_TONE[look.tone]}>
      <p className="mt-1 text-3xl font-bold" data-testid="public-health">
        <span aria-hidden className="mr-2">
          {look.icon}
        </span>
        {health.label}
      </p>
      <p className="mt-1 text-base">{HEALTH_WORDS[health.level]}</p>
    </Card>
  );
}

const PHASE_ICON: Record<PublicPhase['status'], { icon: string; words: string }> = {
  pending: { icon: '○', words: 'to do' },
  active: { icon: '▶', words: 'running' },
  completed: { icon: '✓', words: 'done' },
  skipped: { icon: '↷', words: 'skipped' },
};

export function PhaseList({ phases, goLiveAt }: { phases: PublicPhase[]; goLiveAt: string }) {
  if (phases.length === 0) return null;
  return (
    <ol className="flex flex-col gap-2" aria-label="Phases">
      {phases.map((phase, index) => {
        const look = PHASE_ICON[phase.status];
        const when = phase.completedAt
          ? `done ${utcTime(phase.completedAt)}`
          : phase.startedAt
            ? `since ${utcTime(phase.startedAt)}`
            : phase.plannedStartMin != null
              ? `planned ${utcTime(new Date(new Date(goLiveAt).getTime() + phase.plannedStartMin * 60_000))}`
              : '';
        return (
          <li
            key={`${index}-${phase.title}`}
            className={cn(
              'flex items-baseline gap-3 text-lg',
              phase.status === 'active' ? 'font-semibold' : phase.status === 'pending' ? 'text-slate-600' : '',
            )}
          >
            <span aria-hidden className="w-5 shrink-0 text-center">
              {look.icon}
            </span>
            <span className="min-w-0 flex-1">
              {phase.title}
              <span className="sr-only"> ({look.words})</span>
            </span>
            <span className="tabular shrink-0 text-base text-slate-600">{when}</span>
          </li>
        );
      })}
    </ol>
  );
}

const DECISION_LOOK: Record<PublicDecision, { icon: string; words: string; className: string }> = {
  approved: { icon: '✓', words: 'GO', className: 'bg-emerald-100 text-emerald-900' },
  rejected: { icon: '✕', words: 'NO-GO', className: 'bg-red-100 text-red-900' },
  overridden: { icon: '⚑', words: 'GO (overridden)', className: 'bg-amber-100 text-amber-900' },
  pending: { icon: '○', words: 'Waiting', className: 'bg-slate-100 text-slate-700' },
};

export function DecisionList({ gates }: { gates: PublicGate[] }) {
  if (gates.length === 0) return <p className="text-lg text-slate-600">No go / no-go points in this plan.</p>;
  return (
    <ul className="flex flex-col gap-3" data-testid="public-decisions">
      {gates.map((gate, index) => {
        const look = DECISION_LOOK[gate.decision];
        return (
          <li key={`${index}-${gate.title}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-lg">
            <span
              className={cn(
                'inline-flex min-w-24 items-center justify-center gap-1 rounded-full px-3 py-0.5 text-base font-semibold',
                look.className,
              )}
            >
              <span aria-hidden>{look.icon}</span>
              {look.words}
            </span>
            <span className="min-w-0 flex-1">{gate.title}</span>
            {gate.at ? <span className="tabular text-base text-slate-600">{utcTime(gate.at)}</span> : null}
            {gate.by.length ? (
              <span className="w-full pl-1 text-base text-slate-600">by {gate.by.join(', ')}</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function UpdateList({ updates }: { updates: PublicUpdate[] }) {
  if (updates.length === 0) return <p className="text-lg text-slate-600">No updates posted yet.</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-200" data-testid="public-updates">
      {updates.map((update, index) => (
        <li key={`${update.at}-${index}`} className="py-3 first:pt-0">
          <p className="text-xl leading-snug">{update.message}</p>
          <p className="tabular mt-1 text-base text-slate-600">
            {utcTime(update.at)}
            {update.by ? ` · ${update.by}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}
