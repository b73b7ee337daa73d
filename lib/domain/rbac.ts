/**
 * The one RBAC table. Route handlers, socket handlers and the UI all ask `can()`.
 *
 * A person's relation to a deployment is derived from the roles they hold in it; an API token
 * additionally narrows what its user may do through its scopes and optional deployment.
 */

export type Relation =
  | 'admin' // global administrator: may do what an IC may, in every deployment
  | 'ic' // holds the deployment's incident-commander role
  | 'member' // holds at least one working (not read-only) role
  | 'viewer' // holds only read-only roles (stakeholders)
  | 'owner' // holds the role that owns the item in question
  | 'signer' // holds a role the gate in question requires
  | 'comms'; // holds the communications role

/**
 * `gates:sign` is its own scope: a go / no-go decision (sign, withdraw, override) is more than a
 * write, so automation that ticks steps need not be able to approve a release.
 */
export type TokenScope = 'read' | 'write' | 'metrics:push' | 'gates:sign' | 'items:write';

export const TOKEN_SCOPES: readonly TokenScope[] = ['read', 'write', 'metrics:push', 'gates:sign', 'items:write'];

/** What a token gets when nobody says: today's read and write, plus signing gates. */
export const DEFAULT_TOKEN_SCOPES: readonly TokenScope[] = ['read', 'write', 'gates:sign'];

type Permission = { allow: readonly Relation[]; scope: TokenScope };

export const PERMISSIONS = {
  'deployment.read': { allow: ['admin', 'ic', 'member', 'viewer'], scope: 'read' },
  // Ticking a step, and attaching evidence to it (POST …/items/:itemId/evidence): the same people.
  'item.update': { allow: ['admin', 'ic', 'owner'], scope: 'write' },
  // Moving a step (or a section's steps) to another role: the IC's call, not the owner's.
  'item.reassign': { allow: ['admin', 'ic'], scope: 'write' },
  'participant.manage': { allow: ['admin', 'ic'], scope: 'write' },
  // The IP address and user agent behind each sign-off (identity evidence): the IC's and admins' to read.
  'identity.read': { allow: ['admin', 'ic'], scope: 'read' },
  'deployment.drive': { allow: ['admin', 'ic'], scope: 'write' },
  'gate.signoff': { allow: ['signer'], scope: 'gates:sign' },
  'gate.override': { allow: ['admin', 'ic'], scope: 'gates:sign' },
  'health.acknowledge': { allow: ['admin', 'ic'], scope: 'write' },
  'metrics.push': { allow: ['admin', 'ic', 'member'], scope: 'metrics:push' },
  'metrics.manage': { allow: ['admin', 'ic'], scope: 'write' },
  'status.post': { allow: ['admin', 'ic', 'comms'], scope: 'write' },
  'sharelink.manage': { allow: ['admin', 'ic'], scope: 'write' },
  // Status-page mail: the subscriber count and a test mail to oneself — whoever speaks to stakeholders.
  'statusmail.manage': { allow: ['admin', 'ic', 'comms'], scope: 'write' },
  'webhook.manage': { allow: ['admin', 'ic'], scope: 'write' },
  // Webhooks for every deployment: admins only, and never with a token limited to one deployment.
  'webhook.manage_global': { allow: ['admin'], scope: 'write' },
  // Proposing a change to the template (a redline): the step's role or the IC; it never changes the run.
  'redline.propose': { allow: ['admin', 'ic', 'owner'], scope: 'write' },
  // Putting a check on a step, or taking it off (PUT/DELETE …/items/:itemId/check): whoever may tick it.
  'item.check': { allow: ['admin', 'ic', 'owner'], scope: 'write' },
} as const satisfies Record<string, Permission>;

export type Action = keyof typeof PERMISSIONS;

export type ActorRole = { key: string; isIc: boolean; readOnly: boolean };

export type Actor = {
  userId: string;
  isAdmin: boolean;
  /** Present when the request came with an API token. */
  token?: { scopes: readonly string[]; deploymentId: string | null } | null;
};

export type Resource = {
  deploymentId: string;
  /** Roles the actor holds in this deployment. */
  heldRoles: readonly ActorRole[];
  /** item.update: the role owning the item. */
  itemRoleKey?: string;
  /** gate.signoff: the roles the gate requires. */
  requiredRoles?: readonly string[];
};

export const COMMS_ROLE_KEYS = ['comms', 'communications'];

export function relationsOf(actor: Actor, resource: Resource): Set<Relation> {
  const relations = new Set<Relation>();
  if (actor.isAdmin) relations.add('admin');
  for (const role of resource.heldRoles) {
    if (role.isIc) relations.add('ic');
    if (role.readOnly) relations.add('viewer');
    else relations.add('member');
    if (!role.readOnly && role.key === resource.itemRoleKey) relations.add('owner');
    if (!role.readOnly && resource.requiredRoles?.includes(role.key)) relations.add('signer');
    if (COMMS_ROLE_KEYS.includes(role.key)) relations.add('comms');
  }
  return relations;
}

/** The scope this actor's token lacks for the action; null for a session or a token that has it. */
export function missingScope(actor: Actor, action: Action): TokenScope | null {
  if (!actor.token) return null;
  const needed = PERMISSIONS[action].scope;
  const scopes = actor.token.scopes;
  if (scopes.includes(needed)) return null;
  // A write token may also read and push metrics; a metrics-only token may do nothing else.
  if (scopes.includes('write') && (needed === 'read' || needed === 'metrics:push')) return null;
  // items:write is what a CI job needs: tick steps and attach evidence (item.update), and read the
  // war room — not checks, people, gates or the deployment's state.
  if (scopes.includes('items:write') && (action === 'item.update' || needed === 'read')) return null;
  return needed;
}

function tokenAllows(actor: Actor, action: Action, deploymentId: string): boolean {
  if (!actor.token) return true;
  if (actor.token.deploymentId && actor.token.deploymentId !== deploymentId) return false;
  return missingScope(actor, action) === null;
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  if (!tokenAllows(actor, action, resource.deploymentId)) return false;
  const relations = relationsOf(actor, resource);
  return PERMISSIONS[action].allow.some((relation) => relations.has(relation));
}

/** Why an action is refused, in words for the person who tried it (only the item's or gate's roles matter). */
export function refusalMessage(action: Action, resource: Partial<Resource> = {}): string {
  switch (action) {
    case 'item.update':
    case 'item.check':
      return `Only the ${resource.itemRoleKey ?? 'owning'} role or the incident commander can change this item.`;
    case 'item.reassign':
      return 'Only the incident commander can move steps to another role.';
    case 'gate.signoff':
      return `Only holders of ${(resource.requiredRoles ?? []).join(', ') || 'the required roles'} can sign this gate.`;
    case 'deployment.read':
      return 'You are not a participant of this deployment.';
    case 'status.post':
      return 'Only the incident commander or the comms role can post status updates.';
    case 'metrics.push':
      return 'This token or account may not push metrics to this deployment.';
    case 'redline.propose':
      return `Only the ${resource.itemRoleKey ?? 'owning'} role or the incident commander can propose a change to this step.`;
    case 'webhook.manage_global':
      return 'Only an admin (not a token limited to one deployment) can manage webhooks for every deployment.';
    default:
      return 'Only the incident commander (or an admin) can do this.';
  }
}
