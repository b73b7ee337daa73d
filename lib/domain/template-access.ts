/**
 * Who may change the template library. Templates belong to no deployment, so the per-deployment
 * RBAC table (rbac.ts) cannot answer for them; these two rules are the whole policy:
 *
 * - any signed-in person may read templates and create new ones (their own runbooks), with a
 *   session or an API token that has the `write` scope and is not limited to one deployment;
 * - renaming and deleting a template is for the person who created it, or an admin.
 */
import type { Actor } from './rbac';

function tokenMayWriteLibrary(actor: Actor): boolean {
  if (!actor.token) return true;
  return actor.token.scopes.includes('write') && !actor.token.deploymentId;
}

export function canCreateTemplates(actor: Actor): boolean {
  return tokenMayWriteLibrary(actor);
}

export function canManageTemplate(actor: Actor, template: { createdById: string | null }): boolean {
  if (!tokenMayWriteLibrary(actor)) return false;
  return actor.isAdmin || (template.createdById !== null && template.createdById === actor.userId);
}
