'use client';

import { useState } from 'react';
import { Checklist } from '@/components/checklist/checklist';
import { EvidenceMismatches } from '@/components/cockpit/evidence-mismatches';
import { PhaseRail } from '@/components/cockpit/phase-rail';
import { ProofCard } from '@/components/cockpit/proof-card';
import { StateBanner } from '@/components/cockpit/state-banner';
import { StateControls } from '@/components/cockpit/state-controls';
import { HealthBanner } from '@/components/metrics/health-banner';
import { MetricsPanel } from '@/components/metrics/metrics-panel';
import { NotificationsCard } from '@/components/notifications/notifications-card';
import { MailPanel } from '@/components/status/mail-panel';
import { ShareLinkPanel } from '@/components/status/share-link-panel';
import { StatusComposer } from '@/components/status/status-composer';
import { Timeline } from '@/components/timeline/timeline';
import type { DeploymentDto } from '@/lib/contracts/deployments';
import { FilterTabs } from './filter-tabs';
import { PeoplePanel } from './people-panel';
import { PhaseOverview } from './phase-overview';
import { useWarRoom, WarRoomProvider } from './war-room-context';
import { WarRoomHeader } from './war-room-header';

type Filter = 'all' | 'blocked' | 'open';

function Cockpit() {
  const { deployment } = useWarRoom();
  const [filter, setFilter] = useState<Filter>('all');
  return (
    <>
      <WarRoomHeader />
      <main className="mx-auto grid max-w-7xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <StateBanner />
          <HealthBanner />
          <StateControls />
          <PhaseOverview />
          <PhaseRail />
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="text-lg font-semibold">Checklist</h2>
            <FilterTabs
              label="Which items"
              value={filter}
              onChange={setFilter}
              options={[
                { value: 'all', label: 'All' },
                { value: 'open', label: 'Open' },
                { value: 'blocked', label: 'Blocked' },
              ]}
            />
          </div>
          <Checklist
            deployment={deployment}
            include={(item) =>
              filter === 'all'
                ? true
                : filter === 'blocked'
                  ? item.status === 'blocked'
                  : item.status !== 'done' && item.status !== 'skipped'
            }
            emptyText={filter === 'blocked' ? 'Nothing is blocked.' : 'Every item is done.'}
          />
        </div>
        <aside className="flex flex-col gap-6">
          <MetricsPanel />
          <ProofCard />
          <EvidenceMismatches />
          <PeoplePanel />
          <StatusComposer />
          <ShareLinkPanel />
          <MailPanel />
          <NotificationsCard />
          <Timeline deploymentId={deployment.id} goLiveAt={deployment.goLiveAt} />
        </aside>
      </main>
    </>
  );
}

export function IcCockpit({ initial }: { initial: DeploymentDto }) {
  return (
    <WarRoomProvider initial={initial}>
      <Cockpit />
    </WarRoomProvider>
  );
}
