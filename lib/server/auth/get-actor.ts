import type { Actor } from '@/lib/domain/rbac';
import { AppError } from '@/lib/server/errors';
import { sql } from '@/lib/server/sql';
import { getAuth } from './auth';
import { hashToken, safeEqual } from './tokens';

export type SignedInActor = Actor & { name: string; email: string | null };

/** The pseudo-user behind WARROOM_ADMIN_TOKEN (bootstrap and tests). */
export const ADMIN_TOKEN_USER_ID = 'admin-token';

/** A token is one run of visible characters: `Bearer <token>` and nothing else counts. */
const BEARER = /^Bearer +([\x21-\x7e]+)$/i;

/** The token of a well-formed `Authorization: Bearer <token>`, or null when there is none. */
export function bearerOf(headers: Headers): string | null {
  const value = headers.get('authorization');
  if (!value) return null;
  const match = BEARER.exec(value.trim());
  return match ? match[1] : null;
}

type TokenRow = { userId: string; scopes: string[]; deploymentId: string | null; isAdmin: boolean; name: string; email: string | null };

async function actorFromToken(token: string): Promise<SignedInActor | null> {
  const adminToken = process.env.WARROOM_ADMIN_TOKEN;
  if (adminToken && safeEqual(token, adminToken)) {
    return { userId: ADMIN_TOKEN_USER_ID, isAdmin: true, name: 'Admin token', email: null, token: null };
  }
  // Every API call starts here, so it is one plain SQL statement; "last used" is refreshed at
  // most once a minute per token, in the same statement.
  const [row] = await sql<TokenRow>`
    WITH hit AS (
      SELECT t."id", t."userId", t."scopes", t."deploymentId", t."lastUsedAt", u."isAdmin", u."name", u."email"
      FROM "ApiToken" t JOIN "user" u ON u."id" = t."userId"
      WHERE t."tokenHash" = ${hashToken(token)} AND t."revokedAt" IS NULL
    ), touched AS (
      UPDATE "ApiToken" t SET "lastUsedAt" = now() FROM hit
      WHERE t."id" = hit."id" AND (hit."lastUsedAt" IS NULL OR hit."lastUsedAt" < now() - interval '1 minute')
    )
    SELECT "userId", "scopes", "deploymentId", "isAdmin", "name", "email" FROM hit`;
  if (!row) return null;
  return {
    userId: row.userId,
    isAdmin: row.isAdmin,
    name: row.name,
    email: row.email,
    token: { scopes: row.scopes, deploymentId: row.deploymentId },
  };
}

/** Who is asking: an API token (Authorization: Bearer) or the browser session cookie. */
export async function findActor(headers: Headers): Promise<SignedInActor | null> {
  const bearer = bearerOf(headers);
  if (bearer) return actorFromToken(bearer);
  // Any other Authorization (Basic, a bare token, "Bearer" alone) is refused outright: it must
  // never quietly fall back to the cookie session that rides along with it.
  if (headers.get('authorization')) return null;
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { isAdmin?: boolean };
  return { userId: user.id, isAdmin: Boolean(user.isAdmin), name: user.name, email: user.email, token: null };
}

export async function requireActor(headers: Headers): Promise<SignedInActor> {
  const actor = await findActor(headers);
  if (!actor) throw new AppError('unauthenticated', 'Sign in (or send a valid API token) to do this.');
  return actor;
}
