import type { Actor } from '@/lib/domain/rbac';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { getAuth } from './auth';
import { hashToken, safeEqual } from './tokens';

export type SignedInActor = Actor & { name: string; email: string | null };

/** The pseudo-user behind WARROOM_ADMIN_TOKEN (bootstrap and tests). */
export const ADMIN_TOKEN_USER_ID = 'admin-token';

function bearerOf(headers: Headers): string | null {
  const value = headers.get('authorization');
  if (!value) return null;
  const match = /^Bearer\s+(.+)$/i.exec(value.trim());
  return match ? match[1].trim() : null;
}

async function actorFromToken(token: string): Promise<SignedInActor | null> {
  const adminToken = process.env.WARROOM_ADMIN_TOKEN;
  if (adminToken && safeEqual(token, adminToken)) {
    return { userId: ADMIN_TOKEN_USER_ID, isAdmin: true, name: 'Admin token', email: null, token: null };
  }
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.revokedAt) return null;
  return {
    userId: row.userId,
    isAdmin: row.user.isAdmin,
    name: row.user.name,
    email: row.user.email,
    token: { scopes: row.scopes, deploymentId: row.deploymentId },
  };
}

/** Who is asking: an API token (Authorization: Bearer) or the browser session cookie. */
export async function findActor(headers: Headers): Promise<SignedInActor | null> {
  const bearer = bearerOf(headers);
  if (bearer) return actorFromToken(bearer);
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
