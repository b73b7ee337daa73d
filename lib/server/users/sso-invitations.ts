import { prisma } from '@/lib/server/db';
import { commit } from '@/lib/server/events/commit';
import { logger } from '@/lib/server/logger';
import { joinInvitedRoles } from '@/lib/server/participants/join-invited-roles';
import { pendingWhere } from '@/lib/server/participants/pending-invitation';
import { recordAccountEvent } from './account-events';

/** A pending (not used, revoked or expired) invitation for this email: it admits a first SSO sign-in. */
export async function hasPendingInvitation(email: string): Promise<boolean> {
  const row = await prisma.invitation.findFirst({
    where: { email: { equals: email, mode: 'insensitive' }, ...pendingWhere() },
    select: { id: true },
  });
  return row !== null;
}

/**
 * The account an SSO sign-in just created for an invited email takes up that invitation: it is
 * used (single use, as a link would be) and its admin flag is given — an admin invitation is
 * preferred, so a later role invitation does not hide it. Every role invitation for the email
 * then makes its participant, in the same transaction as the claim.
 */
export async function acceptInvitationBySso(userId: string, email: string): Promise<boolean> {
  const row = await prisma.invitation.findFirst({
    where: { email: { equals: email, mode: 'insensitive' }, ...pendingWhere() },
    orderBy: [{ isAdmin: 'desc' }, { createdAt: 'desc' }],
  });
  if (!row) return false;
  const { result } = await commit(async (tx, append) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: row.id, acceptedAt: null },
      data: { acceptedAt: new Date(), acceptedById: userId },
    });
    if (claimed.count === 0) return null;
    const user = await tx.user.update({
      where: { id: userId },
      data: row.isAdmin ? { isAdmin: true } : {},
      select: { id: true, name: true, email: true },
    });
    await recordAccountEvent(
      tx,
      { userId: user.id, name: user.name },
      'invitation.accepted',
      { id: user.id, email: user.email },
      { isAdmin: row.isAdmin, via: 'sso' },
    );
    return { joined: await joinInvitedRoles(tx, append, user, row.id) };
  });
  if (!result) return false;
  logger.info('account.invitation_accepted', {
    userId,
    email,
    isAdmin: row.isAdmin,
    roles: result.joined,
    via: 'sso',
  });
  return true;
}
