import { randomBytes } from 'node:crypto';
import { shareTokenSchema } from '@/lib/schemas/status';
import { hashToken } from '@/lib/server/auth/tokens';
import { prisma } from '@/lib/server/db';

/** 192 random bits: unguessable, and only its SHA-256 is stored (the link is shown once). */
export function generateShareToken(): string {
  return `ws_${randomBytes(24).toString('base64url')}`;
}

export type ActiveShareLink = { id: string; deploymentId: string; showNames: boolean };

/** The live link behind a token, or null for an unknown, malformed or revoked one. */
export async function findActiveShareLink(token: unknown): Promise<ActiveShareLink | null> {
  const parsed = shareTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const link = await prisma.shareLink.findUnique({
    where: { tokenHash: hashToken(parsed.data) },
    select: { id: true, deploymentId: true, showNames: true, revokedAt: true },
  });
  if (!link || link.revokedAt) return null;
  return { id: link.id, deploymentId: link.deploymentId, showNames: link.showNames };
}
