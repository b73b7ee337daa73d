'use client';

import { can, type Action, type Resource } from '@/lib/domain/rbac';
import { useWarRoom } from './war-room-context';

/** What a check adds to the war room's own facts: the item's role, the gate's required roles. */
export type CanExtra = Pick<Resource, 'itemRoleKey' | 'requiredRoles'>;

/**
 * What the signed-in person may do in this war room: the one RBAC table (lib/domain/rbac.ts), asked
 * with the roles they hold here. The server asks the same table, so a hidden control is one it refuses.
 */
export function useCan(): (action: Action, extra?: CanExtra) => boolean {
  const { deployment } = useWarRoom();
  const actor = { userId: deployment.me.userId, isAdmin: deployment.me.isAdmin };
  return (action, extra = {}) =>
    can(actor, action, { deploymentId: deployment.id, heldRoles: deployment.me.roles, ...extra });
}
