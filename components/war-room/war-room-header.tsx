'use client';

import Link from 'next/link';
import { HealthBadge, RehearsalBadge, StateBadge } from '@/components/ui/badges';
import { LiveIndicator } from '@/components/ui/live-indicator';
import { formatUtc } from '@/lib/domain/clock';
import { TMinusClock } from './t-minus-clock';
import { useCan } from './use-can';
import { useWarRoom } from './war-room-context';

/** Name, version, environment, state, the T± clock, health and liveness — same place on every screen. */
export function WarRoomHeader({ subtitle }: { subtitle?: string }) {
  const { deployment, status, onlineCount } = useWarRoom();
  const manageWebhooks = useCan()('webhook.manage');
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <div className="min-w-0">
          <h1 className="truncate text-xl font-bold">
            <Link href={`/deployments/${deployment.id}`} className="hover:underline">
              {deployment.name}
            </Link>
          </h1>
          <p className="text-sm text-muted">
            {[
              deployment.version && `v${deployment.version.replace(/^v/, '')}`,
              deployment.environment,
              `go-live ${formatUtc(new Date(deployment.goLiveAt))}`,
              // The template version this war room was created from (later versions never change it).
              deployment.templateVersion && `runbook version ${deployment.templateVersion}`,
              subtitle,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <nav aria-label="War-room views" className="mt-0.5 flex flex-wrap gap-x-3 gap-y-1 text-sm">
            <Link href={`/deployments/${deployment.id}`} className="text-link hover:underline">
              Cockpit
            </Link>
            <Link href={`/deployments/${deployment.id}/timeline`} className="text-link hover:underline">
              Timeline
            </Link>
            <Link href={`/deployments/${deployment.id}/status`} className="text-link hover:underline">
              Status
            </Link>
            <Link href={`/deployments/${deployment.id}/wall`} className="text-link hover:underline">
              Wall
            </Link>
            {manageWebhooks ? (
              <Link href={`/deployments/${deployment.id}/notifications`} className="text-link hover:underline">
                Notifications
              </Link>
            ) : null}
            {/* A plain download (not a client route): the report is Markdown from GET …/report.md. */}
            <a
              href={`/api/deployments/${deployment.id}/report.md`}
              download
              className="text-link hover:underline"
              data-testid="download-report"
            >
              ⤓ Download report
            </a>
          </nav>
        </div>
        {deployment.rehearsal ? <RehearsalBadge className="text-sm" /> : null}
        <StateBadge state={deployment.state} />
        <HealthBadge level={deployment.health.level} />
        <TMinusClock goLiveAt={deployment.goLiveAt} className="text-2xl sm:text-3xl" />
        <div className="ml-auto flex items-center gap-3">
          <span className="text-sm text-muted" data-testid="online-count">
            {onlineCount} online
          </span>
          <LiveIndicator status={status} />
        </div>
      </div>
    </header>
  );
}
