'use client';

import { can, refusalMessage } from '@/lib/domain/rbac';
import { NotAllowed } from './not-allowed';
import { WebhookManager } from './webhook-manager';

/** Global webhooks belong to no deployment; rbac checks them against this stand-in, as the server does. */
const EVERY_DEPLOYMENT = { deploymentId: '*', heldRoles: [] };

export function GlobalWebhooks({ actor }: { actor: { userId: string; isAdmin: boolean } }) {
  if (!can(actor, 'webhook.manage_global', EVERY_DEPLOYMENT)) {
    return (
      <NotAllowed
        message={refusalMessage('webhook.manage_global', EVERY_DEPLOYMENT)}
        back={{ href: '/deployments', label: '← Back to deployments' }}
      />
    );
  }
  return <WebhookManager deploymentId={null} />;
}
