'use client';

import { useState } from 'react';
import { Checklist } from '@/components/checklist/checklist';
import { checklistOrder } from '@/components/cockpit/checklist-order';
import { PendingSignoffs } from '@/components/cockpit/pending-signoffs';
import { StateBanner } from '@/components/cockpit/state-banner';
import { HealthStrip } from '@/components/metrics/health-strip';
import { Timeline } from '@/components/timeline/timeline';
import type { DeploymentDto } from '@/lib/contracts/deployments';
import { FilterTabs } from './filter-tabs';
import { useWarRoom, WarRoomProvider } from './war-room-context';
import { WarRoomHeader } from './war-room-header';

type Filter = 'mine' | 'blocked' | 'all';

function RoleView({ roleKey }: { roleKey: string }) {
  const { deployment } = useWarRoom();
  const role = deployment.roles.find((r) => r.key === roleKey);
  const [filter, setFilter] = useState<Filter>('mine');
  const holds = deployment.me.roles.some((r) => r.key === roleKey);
  return (
    <>
      <WarRoomHeader subtitle={`Checklist · ${role?.name ?? roleKey}`} />
      <main className="mx-auto grid max-w-7xl gap-6 px-4 py-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <StateBanner />
          <HealthStrip />
          <PendingSignoffs roleKey={roleKey} />
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="text-xl font-semibold">{holds ? 'My checklist' : `${role?.name ?? roleKey} checklist`}</h2>
            <FilterTabs
              label="Which items"
              value={filter}
              onChange={setFilter}
              options={[
                { value: 'mine', label: role?.name ?? 'Mine' },
                { value: 'blocked', label: 'Blocked' },
                { value: 'all', label: 'All roles' },
              ]}
            />
          </div>
          <Checklist
            deployment={checklistOrder(deployment)}
            include={(item) =>
              filter === 'all' ? true : filter === 'blocked' ? item.status === 'blocked' : item.roleKey === roleKey
            }
            emptyText={filter === 'blocked' ? 'Nothing is blocked.' : `${role?.name ?? roleKey} has no items.`}
          />
        </div>
        <aside className="hidden lg:block">
          <Timeline deploymentId={deployment.id} goLiveAt={deployment.goLiveAt} limit={20} />
        </aside>
      </main>
    </>
  );
}

export function RoleChecklist({ initial, roleKey }: { initial: DeploymentDto; roleKey: string }) {
  return (
    <WarRoomProvider initial={initial}>
      <RoleView roleKey={roleKey} />
    </WarRoomProvider>
  );
}
