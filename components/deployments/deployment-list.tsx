import Link from 'next/link';
import { HealthBadge, StateBadge } from '@/components/ui/badges';
import { ProgressBar } from '@/components/ui/progress-bar';
import type { DeploymentSummary } from '@/lib/contracts/deployments';
import { formatUtc, tMinus } from '@/lib/domain/clock';
import { isTerminal } from '@/lib/domain/deployment-state';

const LIVE = ['preflight', 'in_progress', 'monitoring', 'on_hold', 'rolling_back'];

function Section({
  title,
  deployments,
  now,
  empty,
}: {
  title: string;
  deployments: DeploymentSummary[];
  now: Date;
  empty: string;
}) {
  return (
    <section className="mb-8">
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
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
                  <span className="ml-auto">
                    <StateBadge state={d.state} />
                  </span>
                </div>
                <div className="mt-1 flex flex-wrap items-center gap-3 text-sm text-muted">
                  <span>{d.environment}</span>
                  <span className="tabular">Go-live {formatUtc(new Date(d.goLiveAt))}</span>
                  {!isTerminal(d.state) ? (
                    <span className="tabular font-medium">{tMinus(new Date(d.goLiveAt), now).label}</span>
                  ) : null}
                  {LIVE.includes(d.state) ? <HealthBadge level={d.healthLevel} /> : null}
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
    </section>
  );
}

export function DeploymentList({ deployments, now }: { deployments: DeploymentSummary[]; now: string }) {
  const at = new Date(now);
  return (
    <div>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">Deployments</h1>
        {/* A new war room starts from a template, or from a runbook imported on the spot. */}
        <div className="ml-auto flex flex-wrap gap-2" data-testid="new-war-room">
          <Link
            href="/templates"
            className="inline-flex min-h-9 items-center rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800"
          >
            New war room
          </Link>
          <Link
            href="/import"
            className="inline-flex min-h-9 items-center rounded-md border border-line-strong px-3 text-sm font-medium hover:bg-subtle"
          >
            Import a runbook
          </Link>
        </div>
      </div>
      <Section
        title="Live"
        deployments={deployments.filter((d) => LIVE.includes(d.state))}
        now={at}
        empty="Nothing is live right now."
      />
      <Section
        title="Upcoming"
        deployments={deployments.filter((d) => d.state === 'planned')}
        now={at}
        empty="No go-live is planned."
      />
      <Section
        title="Finished"
        deployments={deployments.filter((d) => isTerminal(d.state)).reverse()}
        now={at}
        empty="No finished go-lives yet."
      />
    </div>
  );
}
