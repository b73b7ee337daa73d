import { ADMIN_TOKEN_USER_ID, type AuthenticatedVia } from '@/lib/domain/accounts';
import type { Actor } from '@/lib/domain/rbac';
import { env } from '@/lib/server/env';
import { AppError } from '@/lib/server/errors';
import { sql } from '@/lib/server/sql';
import { getAuth } from './auth';
import { hashToken, safeEqual } from './tokens';

/** How this request is authenticated: a browser session (its id, for step-up) or a token. */
export type ActorAuth =
  | { kind: 'session'; sessionId: string; signedInAt: Date; ip: string | null; userAgent: string | null }
  | { kind: 'token'; tokenId: string; tokenName: string; ip: string | null; userAgent: string | null };

/** `via`: how they proved it (absent on actors made in code, e.g. seeds: treated as a token, the weakest). */
export type SignedInActor = Actor & { name: string; email: string | null; via?: AuthenticatedVia; auth?: ActorAuth };

export function viaOf(actor: SignedInActor): AuthenticatedVia {
  return actor.via ?? 'token';
}

function clientOf(headers: Headers) {
  // server.ts overwrites x-forwarded-for with the socket's address unless TRUST_PROXY says a proxy sets it.
  const ip = headers.get('x-forwarded-for')?.split(',')[0]?.trim() || null;
  return { ip, userAgent: headers.get('user-agent')?.slice(0, 300) ?? null };
}

export { ADMIN_TOKEN_USER_ID } from '@/lib/domain/accounts';

/** A token is one run of visible characters: `Bearer <token>` and nothing else counts. */
const BEARER = /^Bearer +([\x21-\x7e]+)$/i;

/** The token of a well-formed `Authorization: Bearer <token>`, or null when there is none. */
export function bearerOf(headers: Headers): string | null {
  const value = headers.get('authorization');
  if (!value) return null;
  const match = BEARER.exec(value.trim());
  return match ? match[1] : null;
}

type TokenRow = {
  id: string;
  tokenName: string;
  userId: string;
  scopes: string[];
  deploymentId: string | null;
  isAdmin: boolean;
  name: string;
  email: string | null;
};

function adminTokenActor(headers: Headers): SignedInActor {
  return {
    userId: ADMIN_TOKEN_USER_ID,
    isAdmin: true,
    name: 'Admin token',
    email: null,
    token: null,
    via: 'admin-token',
    auth: { kind: 'token', tokenId: ADMIN_TOKEN_USER_ID, tokenName: 'WARROOM_ADMIN_TOKEN', ...clientOf(headers) },
  };
}

function isAdminToken(token: string): boolean {
  const adminToken = env().WARROOM_ADMIN_TOKEN;
  return Boolean(adminToken && safeEqual(token, adminToken));
}

/**
 * The live tokens among `hashes` (not revoked, user not deactivated), in one plain SQL statement:
 * every API call and socket starts here. `touch`: "last used" is refreshed at most once a minute
 * per token, in the same statement; SKIP LOCKED, so when a crowd of sockets shares one token one
 * of them refreshes it and the others never queue on its row.
 */
function liveTokens(hashes: string[], touch: boolean) {
  type Row = TokenRow & { tokenHash: string };
  if (!touch)
    return sql<Row>`
    SELECT t."tokenHash", t."id", t."name" AS "tokenName", t."userId", t."scopes", t."deploymentId", u."isAdmin", u."name", u."email"
    FROM "ApiToken" t JOIN "user" u ON u."id" = t."userId"
    WHERE t."tokenHash" = ANY(${hashes}::text[]) AND t."revokedAt" IS NULL AND u."deactivatedAt" IS NULL`;
  return sql<Row>`
    WITH hit AS (
      SELECT t."tokenHash", t."id", t."name" AS "tokenName", t."userId", t."scopes", t."deploymentId", u."isAdmin", u."name", u."email"
      FROM "ApiToken" t JOIN "user" u ON u."id" = t."userId"
      WHERE t."tokenHash" = ANY(${hashes}::text[]) AND t."revokedAt" IS NULL AND u."deactivatedAt" IS NULL
    ), stale AS (
      SELECT t."id" FROM "ApiToken" t JOIN hit ON hit."id" = t."id"
      WHERE t."lastUsedAt" IS NULL OR t."lastUsedAt" < now() - interval '1 minute'
      FOR UPDATE OF t SKIP LOCKED
    ), touched AS (
      UPDATE "ApiToken" t SET "lastUsedAt" = now() FROM stale WHERE t."id" = stale."id"
    )
    SELECT * FROM hit`;
}

async function actorFromToken(token: string, headers: Headers): Promise<SignedInActor | null> {
  if (isAdminToken(token)) return adminTokenActor(headers);
  const [row] = await liveTokens([hashToken(token)], true);
  return row ? tokenActor(row, headers) : null;
}

function tokenActor(row: TokenRow, headers: Headers): SignedInActor {
  return {
    userId: row.userId,
    isAdmin: row.isAdmin,
    name: row.name,
    email: row.email,
    token: { scopes: row.scopes, deploymentId: row.deploymentId },
    via: 'token',
    auth: { kind: 'token', tokenId: row.id, tokenName: row.tokenName, ...clientOf(headers) },
  };
}

/**
 * Many API tokens checked in one statement, for sockets: a crowd of watchers each on their own
 * token connecting at once, and the periodic re-check, would otherwise cost a query each. The
 * same rules as a request's lookup. `touch`: a handshake is a use and refreshes "last used"; a
 * re-check of a socket kept open is not. Answers the actor of each live token; the actors carry
 * no client address (a socket writes nothing that would record it).
 */
export async function findTokenActors(tokens: string[], touch = false): Promise<Map<string, SignedInActor>> {
  const actors = new Map<string, SignedInActor>();
  const byHash = new Map<string, string>();
  for (const token of tokens) {
    if (isAdminToken(token)) actors.set(token, adminTokenActor(new Headers()));
    else byHash.set(hashToken(token), token);
  }
  if (byHash.size === 0) return actors;
  for (const row of await liveTokens([...byHash.keys()], touch))
    actors.set(byHash.get(row.tokenHash)!, tokenActor(row, new Headers()));
  return actors;
}

/** Who is asking: an API token (Authorization: Bearer) or the browser session cookie. */
export async function findActor(headers: Headers): Promise<SignedInActor | null> {
  const bearer = bearerOf(headers);
  if (bearer) return actorFromToken(bearer, headers);
  // Any other Authorization (Basic, a bare token, "Bearer" alone) is refused outright: it must
  // never quietly fall back to the cookie session that rides along with it.
  if (headers.get('authorization')) return null;
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { isAdmin?: boolean; deactivatedAt?: Date | null };
  if (user.deactivatedAt) return null;
  return {
    userId: user.id,
    isAdmin: Boolean(user.isAdmin),
    name: user.name,
    email: user.email,
    token: null,
    via: 'session',
    auth: {
      kind: 'session',
      sessionId: session.session.id,
      signedInAt: new Date(session.session.createdAt),
      ...clientOf(headers),
    },
  };
}

export async function requireActor(headers: Headers): Promise<SignedInActor> {
  const actor = await findActor(headers);
  if (!actor) throw new AppError('unauthenticated', 'Sign in (or send a valid API token) to do this.');
  return actor;
}
