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
  askedDeployment: string;
  askedUser: string;
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
 * How loadAccesses names one person's access to one deployment. JSON, not a joined string: the
 * deployment id comes from the client, and no id it sends may spill into the user's.
 */
export const accessKey = (deploymentId: string, userId: string) => JSON.stringify([deploymentId, userId]);

/**
 * Each deployment and the roles the person holds in it, in one plain SQL statement however many
 * are asked (a crowd of people subscribing at once, see socket-server.ts). Answers an Access per
 * accessKey whose deployment exists.
 */
export async function loadAccesses(asked: { deploymentId: string; userId: string }[]): Promise<Map<string, Access>> {
  // Each key once: a key asked twice would come back as two rows per role, each pushed.
  const unique = [...new Map(asked.map((a) => [accessKey(a.deploymentId, a.userId), a])).values()];
  const rows = await sql<AccessRow>`
    SELECT q."deploymentId" AS "askedDeployment", q."userId" AS "askedUser",
      d."id", d."name", d."state"::text AS "state", d."seq", d."goLiveAt", r."key", r."isIc", r."readOnly"
    FROM unnest(${unique.map((a) => a.deploymentId)}::text[], ${unique.map((a) => a.userId)}::text[]) AS q("deploymentId", "userId")
    JOIN "Deployment" d ON d."id" = q."deploymentId"
    LEFT JOIN "Participant" p ON p."deploymentId" = d."id" AND p."userId" = q."userId"
    LEFT JOIN "Role" r ON r."id" = p."roleId"`;
  const accesses = new Map<string, Access>();
  for (const row of rows) {
    const { id, name, state, seq, goLiveAt } = row;
    const askedFor = accessKey(row.askedDeployment, row.askedUser);
    const access = accesses.get(askedFor) ?? { deployment: { id, name, state, seq, goLiveAt }, heldRoles: [] };
    if (row.key !== null)
      access.heldRoles.push({ key: row.key, isIc: Boolean(row.isIc), readOnly: Boolean(row.readOnly) });
    accesses.set(askedFor, access);
  }
  return accesses;
}

/**
 * The deployment and the roles the actor holds in it; 404 when there is no such deployment.
 * Every command, query and socket subscription starts here.
 */
export async function loadAccess(deploymentId: string, actor: Actor): Promise<Access> {
  const access = (await loadAccesses([{ deploymentId, userId: actor.userId }])).get(
    accessKey(deploymentId, actor.userId),
  );
  return access ?? notFound();
}

/** What a missing deployment answers, however its access was asked for. */
export function notFound(): never {
  throw new AppError('not_found', 'No such deployment.');
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
