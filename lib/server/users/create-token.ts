import type { TokenDto } from '@/lib/contracts/users';
import type { CreateTokenInput } from '@/lib/schemas/user';
import { generateToken, hashToken } from '@/lib/server/auth/tokens';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { recordAccountEvent } from './account-events';

/** Who made a token: its owner (signed in; a test's factory), or the operator with `npm run token:create`. */
export type TokenMaker = 'owner' | 'cli';

const COMMAND_LINE = { userId: null, name: 'Command line (npm run token:create)' } as const;

/**
 * Creates an API token for a user; the token itself is returned once and stored only as a hash.
 * The account history records it (name, prefix, scopes) in the same transaction.
 */
export async function createApiToken(
  userId: string,
  input: CreateTokenInput,
  madeBy: TokenMaker = 'owner',
): Promise<{ token: string; apiToken: TokenDto }> {
  if (input.deploymentId) {
    const exists = await prisma.deployment.count({ where: { id: input.deploymentId } });
    if (!exists) throw new AppError('not_found', 'No such deployment to limit the token to.');
  }
  const token = generateToken();
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId,
        name: input.name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 8),
        scopes: input.scopes,
        deploymentId: input.deploymentId ?? null,
      },
    });
    const owner = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });
    await recordAccountEvent(
      tx,
      madeBy === 'cli' ? COMMAND_LINE : { userId, name: owner.name },
      'token.created',
      { id: userId, email: owner.email },
      {
        tokenName: created.name,
        prefix: created.prefix,
        scopes: created.scopes,
        deploymentId: created.deploymentId,
        ...(madeBy === 'cli' ? { via: 'cli' } : {}),
      },
    );
    return created;
  });
  return { token, apiToken: toTokenDto(row) };
}

export function toTokenDto(row: {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  deploymentId: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): TokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    deploymentId: row.deploymentId,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
