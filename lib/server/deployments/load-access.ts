import {
  can,
  missingScope,
  refusalMessage,
  type Action,
  type Actor,
  type ActorRole,
  type Resource,
} from '@/lib/domain/rbac';
import { AppError } from '@/lib/server/errors';
import { sql } from '@/lib/server/sql';

export type Access = {
  deployment: { id: string; name: string; state: string; seq: number; goLiveAt: Date };
  heldRoles: ActorRole[];
};

type AccessRow = {
  id: string;
  name: string;
  state: string;
  seq: number;
  goLiveAt: Date;
  key: string | null;
  isIc: boolean | null;
  readOnly: boolean | null;
};

/**
 * The deployment and the roles the actor holds in it; 404 when there is no such deployment.
 * Every command, query and socket subscription starts here, so it is one plain SQL statement.
 */
export async function loadAccess(deploymentId: string, actor: Actor): Promise<Access> {
  const rows = await sql<AccessRow>`
    SELECT d."id", d."name", d."state"::text AS "state", d."seq", d."goLiveAt", r."key", r."isIc", r."readOnly"
    FROM "Deployment" d
    LEFT JOIN "Participant" p ON p."deploymentId" = d."id" AND p."userId" = ${actor.userId}
    LEFT JOIN "Role" r ON r."id" = p."roleId"
    WHERE d."id" = ${deploymentId}`;
  if (rows.length === 0) throw new AppError('not_found', 'No such deployment.');
  const { id, name, state, seq, goLiveAt } = rows[0];
  const heldRoles = rows.flatMap((r) =>
    r.key === null ? [] : [{ key: r.key, isIc: Boolean(r.isIc), readOnly: Boolean(r.readOnly) }],
  );
  return { deployment: { id, name, state, seq, goLiveAt }, heldRoles };
}

export function ensureAllowed(actor: Actor, action: Action, access: Access, extra: Partial<Resource> = {}) {
  const resource: Resource = { deploymentId: access.deployment.id, heldRoles: access.heldRoles, ...extra };
  const scope = missingScope(actor, action);
  // Said apart from 'forbidden' so the owner of the automation knows to mint a token with the scope.
  const tokenHere = !actor.token?.deploymentId || actor.token.deploymentId === access.deployment.id;
  if (scope && tokenHere && can({ ...actor, token: null }, action, resource)) {
    throw new AppError(
      'missing_scope',
      `This API token lacks the ${scope} scope; create one with it (npm run token:create -- --scopes …,${scope}).`,
      { scope },
    );
  }
  if (!can(actor, action, resource)) throw new AppError('forbidden', refusalMessage(action, resource));
}

/** Loads access and checks one action in a single step: the usual start of a command or query. */
export async function authorize(actor: Actor, action: Action, deploymentId: string, extra: Partial<Resource> = {}) {
  const access = await loadAccess(deploymentId, actor);
  ensureAllowed(actor, action, access, extra);
  return access;
}

/** The role key an action is recorded under: the role that owns the thing, else IC, else none. */
export function actingRole(heldRoles: readonly ActorRole[], preferred?: string | null): string | null {
  if (preferred && heldRoles.some((r) => r.key === preferred)) return preferred;
  return heldRoles.find((r) => r.isIc)?.key ?? heldRoles.find((r) => !r.readOnly)?.key ?? null;
}
