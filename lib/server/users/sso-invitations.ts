import { prisma } from '@/lib/server/db';
import { logger } from '@/lib/server/logger';

/** A pending (not used, revoked or expired) invitation for this email: it admits a first SSO sign-in. */
export async function hasPendingInvitation(email: string): Promise<boolean> {
  const row = await prisma.invitation.findFirst({
    where: { email: { equals: email, mode: 'insensitive' }, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  return row !== null;
}

/**
 * The account an SSO sign-in just created for an invited email takes up that invitation: it is
 * used (single use, as a link would be) and its admin flag is given.
 */
export async function acceptInvitationBySso(userId: string, email: string): Promise<void> {
  const row = await prisma.invitation.findFirst({
    where: { email: { equals: email, mode: 'insensitive' }, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: 'desc' },
  });
  if (!row) return;
  const claimed = await prisma.invitation.updateMany({ where: { id: row.id, acceptedAt: null }, data: { acceptedAt: new Date(), acceptedById: userId } });
  if (claimed.count === 1 && row.isAdmin) await prisma.user.update({ where: { id: userId }, data: { isAdmin: true } });
  if (claimed.count === 1) logger.info('account.invitation_accepted', { userId, email, isAdmin: row.isAdmin, via: 'sso' });
}
