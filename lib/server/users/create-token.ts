import type { TokenDto } from '@/lib/contracts/users';
import type { CreateTokenInput } from '@/lib/schemas/user';
import { generateToken, hashToken } from '@/lib/server/auth/tokens';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';

/** Creates an API token for a user; the token itself is returned once and stored only as a hash. */
export async function createApiToken(
  userId: string,
  input: CreateTokenInput,
): Promise<{ token: string; apiToken: TokenDto }> {
  if (input.deploymentId) {
    const exists = await prisma.deployment.count({ where: { id: input.deploymentId } });
    if (!exists) throw new AppError('not_found', 'No such deployment to limit the token to.');
  }
  const token = generateToken();
  const row = await prisma.apiToken.create({
    data: {
      userId,
      name: input.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, 8),
      scopes: input.scopes,
      deploymentId: input.deploymentId ?? null,
    },
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
