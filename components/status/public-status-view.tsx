'use client';

import { cn } from '@/components/ui/cn';
import { useNow } from '@/lib/client/use-now';
import { tMinus } from '@/lib/domain/clock';
import { estimateFinish, type PublicStatus } from '@/lib/domain/public-status';
import { usePublicStatus, type PublicLiveStatus } from '@/lib/realtime/client/use-public-status';
import { FollowLinks } from './follow-links';
import { DecisionList, HealthCard, PhaseList, relative, StateCard, UpdateList, utcTime } from './public-parts';
import { SubscribeForm } from './subscribe-form';

const LIVE_LOOK: Record<PublicLiveStatus, { dot: string; words: string }> = {
  connecting: { dot: 'bg-slate-400', words: 'Connecting…' },
  live: { dot: 'bg-emerald-500', words: 'Live' },
  reconnecting: { dot: 'bg-amber-500 animate-pulse', words: 'Reconnecting…' },
  revoked: { dot: 'bg-slate-400', words: 'Link revoked' },
};

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-2xl bg-white px-5 py-4 ring-1 ring-slate-200" aria-label={title}>
      <h2 className="mb-3 text-xl font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Timing({ status, now }: { status: PublicStatus; now: number | null }) {
  const goLive = new Date(status.goLiveAt);
  const eta = now === null ? null : estimateFinish(status, new Date(now));
  const finished = status.finishedAt ? new Date(status.finishedAt) : null;
  return (
    <dl className="grid grid-cols-2 gap-4 text-lg">
      <div>
        <dt className="text-base text-slate-600">Go-live</dt>
        <dd className="tabular font-semibold">{utcTime(goLive)}</dd>
        <dd className="tabular text-base text-slate-600" data-testid="public-t-minus">
          {now === null ? '\u00a0' : tMinus(goLive, new Date(now)).label}
        </dd>
      </div>
      <div>
        <dt className="text-base text-slate-600">{finished ? 'Finished' : 'Expected done'}</dt>
        <dd className="tabular font-semibold" data-testid="public-eta">
          {finished ? utcTime(finished) : eta ? `~${utcTime(eta)}` : '—'}
        </dd>
        <dd className="tabular text-base text-slate-600">
          {finished || !eta || now === null ? '\u00a0' : relative(eta, now)}
        </dd>
      </div>
    </dl>
  );
}

/** What the phase line says when no phase is running. */
function idleWords(status: PublicStatus): string {
  if (status.finishedAt) return 'Finished';
  if (status.state === 'planned') return 'Not started yet';
  return status.phases.some((p) => p.status === 'pending') ? 'Between phases' : 'All phases done';
}

/** The stakeholder status page: plain, large, phone-first and live; nothing to click. */
export function PublicStatusView({
  token,
  initial,
  mailEnabled = false,
}: {
  token: string;
  initial: PublicStatus;
  /** The server can send mail (SMTP_URL): show the subscribe form. */
  mailEnabled?: boolean;
}) {
  const { status, live } = usePublicStatus(token, initial);
  const now = useNow();
  const look = LIVE_LOOK[live];
  const phaseIndex = status.phases.findIndex((p) => p.title === status.currentPhase && p.status === 'active');

  if (live === 'revoked') {
    return (
      <main className="mx-auto flex max-w-2xl flex-col gap-3 px-4 py-16 text-center">
        <h1 className="text-3xl font-bold">This status link is no longer available</h1>
        <p className="text-lg text-slate-600">Ask the incident commander for a new link.</p>
      </main>
    );
  }

  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-4 px-4 py-6 sm:py-10">
      <header className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          {status.rehearsal ? (
            <p
              className="mb-1 inline-block rounded-md bg-violet-100 px-2 py-0.5 text-sm font-bold tracking-wide text-violet-900 ring-1 ring-violet-300"
              data-testid="public-rehearsal"
            >
              REHEARSAL · not the go-live
            </p>
          ) : null}
          <p className="text-base text-slate-600">{status.rehearsal ? 'Rehearsal status' : 'Go-live status'}</p>
          <h1 className="text-3xl font-bold leading-tight break-words sm:text-4xl" data-testid="public-name">
            {status.name}{' '}
            {status.version && !status.name.includes(status.version) ? (
              <span className="font-normal text-slate-500">{status.version}</span>
            ) : null}
          </h1>
        </div>
        <span
          className="mt-1 inline-flex shrink-0 items-center gap-2 rounded-full bg-white px-3 py-1 text-base ring-1 ring-slate-200"
          data-testid="public-live"
          data-status={live}
          role="status"
        >
          <span className={cn('inline-block h-2.5 w-2.5 rounded-full', look.dot)} aria-hidden />
          {look.words}
        </span>
      </header>

      <div className="grid gap-4 sm:grid-cols-2">
        <StateCard status={status} />
        <HealthCard health={status.health} />
      </div>

      <Section title={status.track === 'rollback' ? 'Rollback' : 'Progress'}>
        <p className="text-base text-slate-600">
          {status.currentPhase ? `Now · phase ${phaseIndex + 1} of ${status.phases.length}` : 'Now'}
        </p>
        <p className="text-2xl font-semibold" data-testid="public-phase">
          {status.currentPhase ?? idleWords(status)}
        </p>
        <div className="mt-4 flex items-end gap-4">
          <span className="tabular text-5xl font-bold" data-testid="public-progress">
            {status.progress.percent}%
          </span>
          <span className="tabular pb-1 text-lg text-slate-600">
            {status.progress.done} of {status.progress.total} steps done
          </span>
        </div>
        <div
          className="mt-3 h-3 overflow-hidden rounded-full bg-slate-200"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={status.progress.percent}
          aria-label="Overall progress"
        >
          <div
            className="h-full rounded-full bg-emerald-600 transition-[width] duration-500"
            style={{ width: `${status.progress.percent}%` }}
          />
        </div>
        <div className="mt-5">
          <Timing status={status} now={now} />
        </div>
      </Section>

      <Section title="Latest updates">
        <UpdateList updates={status.updates} />
      </Section>

      <Section title="Go / no-go decisions">
        <DecisionList gates={status.gates} />
      </Section>

      <Section title="Phases">
        <PhaseList phases={status.phases} goLiveAt={status.goLiveAt} />
      </Section>

      {mailEnabled ? (
        <Section title="Get updates by email">
          <SubscribeForm token={token} />
        </Section>
      ) : null}

      <Section title="Follow this go-live">
        <FollowLinks token={token} />
      </Section>

      <p className="px-1 text-base text-slate-600">
        A read-only view shared by the incident commander. It updates by itself; times are in UTC.
      </p>
    </main>
  );
}
