'use client';

import { GatePanel } from '@/components/cockpit/gate-panel';
import { StateBanner } from '@/components/cockpit/state-banner';
import { relative, utcTime } from '@/components/status/public-parts';
import { TimelineEntry } from '@/components/timeline/timeline-entry';
import { useLiveEvents } from '@/components/timeline/use-live-events';
import { StateBadge } from '@/components/ui/badges';
import { ProgressBar } from '@/components/ui/progress-bar';
import { useWarRoom, WarRoomProvider } from '@/components/war-room/war-room-context';
import { WarRoomHeader } from '@/components/war-room/war-room-header';
import { useNow } from '@/lib/client/use-now';
import type { DeploymentDto } from '@/lib/contracts/deployments';
import { formatUtcTime } from '@/lib/domain/clock';
import { currentPhase, overduePhases, trackPhases } from '@/lib/domain/cockpit';
import { stateLabel } from '@/lib/domain/deployment-state';
import { progress } from '@/lib/domain/phases';
import { estimateFinish } from '@/lib/domain/public-status';
import { isHeadline } from '@/lib/domain/timeline';

const HEADLINES = 8;

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="rounded-xl border border-line bg-surface p-4" data-testid={testId}>
      <p className="text-xs font-medium uppercase tracking-wide text-faint">{label}</p>
      <div className="mt-1 text-lg font-semibold">{children}</div>
    </div>
  );
}

/**
 * What a stakeholder needs, large and plain: state, current phase, progress, gate decisions,
 * what is running late, and the latest headlines — live, with no buttons, notes or comments.
 */
function StatusView() {
  const { deployment } = useWarRoom();
  const tick = useNow();
  const now = tick === null ? null : new Date(tick);
  const state = deployment.state;
  const phases = deployment.phases;
  const track = trackPhases(phases, state, deployment.heldFromState);
  const current = currentPhase(phases, state, deployment.heldFromState);
  const overall = progress(track.flatMap((p) => p.items));
  const overdue = now
    ? overduePhases({ phases, goLiveAt: deployment.goLiveAt, state, heldFrom: deployment.heldFromState, now })
    : [];
  const gates = deployment.gates.filter((g) => track.some((p) => p.id === g.phaseId));
  const decided = gates.filter((g) => g.status === 'open' || g.status === 'overridden').length;
  const events = useLiveEvents(deployment.id);
  const headlines = events.filter(isHeadline).slice(-HEADLINES).reverse();
  const done = track.filter((p) => p.status === 'completed' || p.status === 'skipped').length;
  // The same plan-walk the public status page shows, so insiders and outsiders read one ETA.
  const eta = now ? estimateFinish({ state, goLiveAt: deployment.goLiveAt, phases: track }, now) : null;

  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-5 px-4 py-6" data-testid="stakeholder-status">
      <StateBanner audience="stakeholder" />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Fact label="State" testId="status-state">
          <StateBadge state={state} />
          {state === 'on_hold' && deployment.heldFromState ? (
            <span className="ml-2 text-sm font-normal text-muted">
              from {stateLabel(deployment.heldFromState).toLowerCase()}
            </span>
          ) : null}
        </Fact>
        <Fact label="Current phase" testId="status-phase">
          {current ? (
            current.title
          ) : (
            <span className="text-faint">{state === 'planned' ? 'Not started' : 'Between phases'}</span>
          )}
          <p className="tabular text-sm font-normal text-muted">
            {done} of {track.length} phases done
          </p>
        </Fact>
        <Fact label="Progress" testId="status-progress">
          <span className="tabular">
            {overall.done + overall.skipped} of {overall.total} steps
          </span>
          <ProgressBar done={overall.done + overall.skipped} total={overall.total} label="Overall progress" />
        </Fact>
        <Fact label="Expected done" testId="status-eta">
          {deployment.finishedAt ? (
            <span className="tabular">{utcTime(deployment.finishedAt)}</span>
          ) : eta && now ? (
            <>
              <span className="tabular">~{utcTime(eta)}</span>
              <p className="tabular text-sm font-normal text-muted">{relative(eta, now.getTime())}</p>
            </>
          ) : (
            <span className="text-faint">—</span>
          )}
        </Fact>
      </div>

      {overdue.length ? (
        <section
          aria-labelledby="late-title"
          className="rounded-xl border-2 border-red-500 bg-red-50 p-4 dark:bg-red-950/40"
          data-testid="status-overdue"
        >
          <h2 id="late-title" className="font-semibold text-red-900 dark:text-red-100">
            <span aria-hidden>⚠ </span>Running late
          </h2>
          <ul className="mt-1 text-red-900 dark:text-red-100">
            {overdue.map((o) => (
              <li key={o.phase.id}>
                {o.phase.title}: <span className="tabular font-semibold">{o.label}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="phases-title">
        <h2 id="phases-title" className="mb-2 text-lg font-semibold">
          Phases
        </h2>
        <ol className="flex flex-col gap-1">
          {track.map((p) => (
            <li
              key={p.id}
              className="flex flex-wrap items-baseline gap-x-3 rounded-md border border-line px-3 py-2"
              data-testid="status-phase-row"
              data-status={p.status}
            >
              <span aria-hidden className="w-4">
                {p.status === 'completed' ? '✓' : p.status === 'active' ? '●' : p.status === 'skipped' ? '↷' : '○'}
              </span>
              <span className={p.status === 'active' ? 'font-semibold' : ''}>{p.title}</span>
              <span className="text-sm text-muted">
                {p.status === 'active'
                  ? 'running'
                  : p.status === 'completed'
                    ? 'done'
                    : p.status === 'skipped'
                      ? 'skipped'
                      : 'to do'}
              </span>
              <span className="tabular ml-auto text-sm text-muted">
                {p.startedAt
                  ? formatUtcTime(new Date(p.startedAt))
                  : p.plannedStart
                    ? `planned ${formatUtcTime(new Date(p.plannedStart))}`
                    : ''}
                {p.completedAt ? `–${formatUtcTime(new Date(p.completedAt))}` : ''}
              </span>
            </li>
          ))}
        </ol>
      </section>

      {gates.length ? (
        <section aria-labelledby="gates-title" className="flex flex-col gap-3">
          <h2 id="gates-title" className="text-lg font-semibold">
            Go / no-go decisions{' '}
            <span className="tabular text-sm font-normal text-muted">
              {decided} of {gates.length} decided
            </span>
          </h2>
          {gates.map((gate) => (
            <GatePanel key={gate.id} gate={gate} readOnly />
          ))}
        </section>
      ) : null}

      <section aria-labelledby="news-title">
        <h2 id="news-title" className="mb-2 text-lg font-semibold">
          Latest updates
        </h2>
        {headlines.length === 0 ? <p className="text-muted">Nothing yet.</p> : null}
        <ol className="flex flex-col gap-2" data-testid="status-headlines">
          {headlines.map((event) => (
            <TimelineEntry
              key={event.seq}
              event={event}
              goLiveAt={deployment.goLiveAt}
              roleName={deployment.roles.find((r) => r.key === event.role)?.name}
            />
          ))}
        </ol>
      </section>
    </main>
  );
}

export function StakeholderStatus({ initial }: { initial: DeploymentDto }) {
  return (
    <WarRoomProvider initial={initial}>
      <WarRoomHeader subtitle="Status" />
      <StatusView />
    </WarRoomProvider>
  );
}
