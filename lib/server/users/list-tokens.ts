import 'server-only';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { toTokenDto } from './create-token';

export async function listApiTokens(userId: string) {
  const rows = await prisma.apiToken.findMany({ where: { userId }, orderBy: { createdAt: 'desc' } });
  return rows.map(toTokenDto);
}

export async function revokeApiToken(userId: string, tokenId: string) {
  const changed = await prisma.apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (changed.count === 0) throw new AppError('not_found', 'No such active token.');
}
