'use client';

import { useCan } from '@/components/war-room/use-can';
import { useWarRoom, WarRoomProvider } from '@/components/war-room/war-room-context';
import { WarRoomHeader } from '@/components/war-room/war-room-header';
import type { DeploymentDto } from '@/lib/contracts/deployments';
import { refusalMessage } from '@/lib/domain/rbac';
import { NotAllowed } from './not-allowed';
import { WebhookManager } from './webhook-manager';

function Notifications() {
  const { deployment } = useWarRoom();
  const allowed = useCan()('webhook.manage');
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-4 px-4 py-6">
      <div>
        <h2 className="text-xl font-semibold">Notifications</h2>
        <p className="text-sm text-muted">
          Send this war room’s key moments — phases, go / no-go, health, rollback, status updates — to Slack or any
          endpoint. Webhooks an admin set for every deployment apply too.
        </p>
      </div>
      {allowed ? (
        <WebhookManager deploymentId={deployment.id} />
      ) : (
        <NotAllowed
          message={`${refusalMessage('webhook.manage')} Ask them to add the webhook you need.`}
          back={{ href: `/deployments/${deployment.id}`, label: '← Back to the war room' }}
        />
      )}
    </main>
  );
}

export function DeploymentNotifications({ initial }: { initial: DeploymentDto }) {
  return (
    <WarRoomProvider initial={initial}>
      <WarRoomHeader subtitle="Notifications" />
      <Notifications />
    </WarRoomProvider>
  );
}
