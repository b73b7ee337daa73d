import 'server-only';
import { can, refusalMessage } from '@/lib/domain/rbac';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { authorize, type Access } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';

/** Global webhooks belong to no deployment; this stands in for one in the RBAC check. */
const GLOBAL = '*';

/** A deployment's webhooks are the IC's; global ones (deploymentId null) are the admins'. */
export async function authorizeWebhooks(actor: SignedInActor, deploymentId: string | null): Promise<Access | null> {
  if (deploymentId) return authorize(actor, 'webhook.manage', deploymentId);
  const resource = { deploymentId: GLOBAL, heldRoles: [] };
  if (!can(actor, 'webhook.manage_global', resource))
    throw new AppError('forbidden', refusalMessage('webhook.manage_global', resource));
  return null;
}
