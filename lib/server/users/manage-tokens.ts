import 'server-only';
import type { CreateTokenInput } from '@/lib/schemas/user';
import { ADMIN_TOKEN_USER_ID, type SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { recordAccountEvent } from './account-events';
import { createApiToken, toTokenDto } from './create-token';

export async function listApiTokens(userId: string) {
  const rows = await prisma.apiToken.findMany({ where: { userId }, orderBy: { createdAt: 'desc' } });
  return rows.map(toTokenDto);
}

/** POST /api/tokens: a person signed in makes a token of their own. */
export async function createApiTokenAs(actor: SignedInActor, input: CreateTokenInput) {
  // Tokens mint no tokens: a leaked token must not be able to outlive its revocation.
  if (actor.token || actor.userId === ADMIN_TOKEN_USER_ID)
    throw new AppError('forbidden', 'Create tokens while signed in, not with a token.');
  return createApiToken(actor.userId, input);
}

/** DELETE /api/tokens/:id: one of one's own tokens stops working at once; the history records it. */
export async function revokeApiTokenAs(actor: SignedInActor, tokenId: string): Promise<void> {
  // A narrow token (metrics only, or one deployment) does exactly that, and no token management.
  if (actor.token && (!actor.token.scopes.includes('write') || actor.token.deploymentId))
    throw new AppError('forbidden', 'This token may not manage tokens.');
  await prisma.$transaction(async (tx) => {
    const changed = await tx.apiToken.updateMany({
      where: { id: tokenId, userId: actor.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (changed.count === 0) throw new AppError('not_found', 'No such active token.');
    const row = await tx.apiToken.findUniqueOrThrow({
      where: { id: tokenId },
      select: { name: true, prefix: true, user: { select: { email: true } } },
    });
    await recordAccountEvent(
      tx,
      actor,
      'token.revoked',
      { id: actor.userId, email: row.user.email },
      { tokenName: row.name, prefix: row.prefix },
    );
  });
}
