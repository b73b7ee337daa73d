import Link from 'next/link';
import { useId, type ReactNode } from 'react';
import { HealthBadge, RehearsalBadge, StateBadge } from '@/components/ui/badges';
import { buttonClass } from '@/components/ui/button';
import { LiveIndicator } from '@/components/ui/live-indicator';
import { ProgressBar } from '@/components/ui/progress-bar';
import type { DeploymentListDto, DeploymentListQuery, DeploymentSummary } from '@/lib/contracts/deployments';
import { formatUtc, tMinus } from '@/lib/domain/clock';
import { isTerminal, isUnderWay } from '@/lib/domain/deployment-state';
import type { LiveStatus } from '@/lib/realtime/client/use-deployment-live';
import { FindGoLives, FinishedPages } from './deployment-list-controls';

function Section({
  title,
  deployments,
  now,
  empty,
  footer,
}: {
  title: string;
  deployments: DeploymentSummary[];
  now: Date;
  empty: string;
  footer?: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="mb-8" aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {deployments.length === 0 ? (
        <p className="text-sm text-muted">{empty}</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {deployments.map((d) => (
            <li key={d.id}>
              <Link
                href={`/deployments/${d.id}`}
                className="block rounded-lg border border-line bg-surface p-4 hover:border-sky-500"
              >
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{d.name}</span>
                  <span className="text-sm text-faint">{d.version}</span>
                  {d.rehearsal ? <RehearsalBadge className="text-xs" /> : null}
                  <span className="ml-auto">
                    <StateBadge state={d.state} />
                  </span>
                </div>
                <div className="mt-1 flex flex-wrap items-center gap-3 text-sm text-muted">
                  <span>{d.environment}</span>
                  {/* A finished room's date is when it finished: the order the Finished list keeps. */}
                  {d.finishedAt ? (
                    <span className="tabular">Finished {formatUtc(new Date(d.finishedAt))}</span>
                  ) : (
                    <span className="tabular">Go-live {formatUtc(new Date(d.goLiveAt))}</span>
                  )}
                  {!isTerminal(d.state) ? (
                    <span className="tabular font-medium">{tMinus(new Date(d.goLiveAt), now).label}</span>
                  ) : null}
                  {isUnderWay(d.state) ? <HealthBadge level={d.healthLevel} /> : null}
                </div>
                <div className="mt-3">
                  <ProgressBar done={d.progress.done} total={d.progress.total} label={`${d.name} progress`} />
                </div>
                {d.myRoles.length ? (
                  <p className="mt-2 text-xs text-faint">Your roles: {d.myRoles.join(', ')}</p>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {footer}
    </section>
  );
}

export function DeploymentList({
  list: { deployments, nextFinishedOffset },
  query,
  now,
  status,
}: {
  list: DeploymentListDto;
  query: DeploymentListQuery;
  now: string;
  status: LiveStatus;
}) {
  const at = new Date(now);
  const { q, kind, finishedOffset } = query;
  const noun = kind === 'rehearsal' ? 'rehearsal' : 'go-live';
  const matching = q ? ` matches “${q}”` : '';
  return (
    <div>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">Deployments</h1>
        <LiveIndicator status={status} />
        {/* A new war room starts from a template, or from a runbook imported on the spot. */}
        <div className="ml-auto flex flex-wrap gap-2" data-testid="new-war-room">
          <Link href="/templates" className={buttonClass('primary')}>
            New war room
          </Link>
          <Link href="/import" className={buttonClass('secondary')}>
            Import a runbook
          </Link>
        </div>
      </div>
      <FindGoLives {...query} />
      <Section
        title="Live"
        deployments={deployments.filter((d) => isUnderWay(d.state))}
        now={at}
        empty={q ? `Nothing live${matching}.` : 'Nothing is live right now.'}
      />
      <Section
        title="Upcoming"
        deployments={deployments.filter((d) => d.state === 'planned')}
        now={at}
        empty={q ? `No planned ${noun}${matching}.` : `No ${noun} is planned.`}
      />
      <Section
        title={finishedOffset > 0 ? 'Finished, older' : 'Finished'}
        deployments={deployments.filter((d) => isTerminal(d.state))}
        now={at}
        empty={
          finishedOffset > 0
            ? `No older ${noun}s${q ? ` match “${q}”` : ''}.`
            : q
              ? `No finished ${noun}${matching}.`
              : `No finished ${noun}s yet.`
        }
        footer={<FinishedPages query={query} next={nextFinishedOffset} />}
      />
    </div>
  );
}
