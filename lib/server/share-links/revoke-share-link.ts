import 'server-only';
import { dropShareLinkWatchers } from '@/lib/realtime/server/public-status-server';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';

/**
 * Revokes a link: from this moment the page answers 404 and everyone watching through it is
 * disconnected. Revoking twice (or twice at once) is harmless: one timeline entry.
 */
export async function revokeShareLink(
  actor: SignedInActor,
  deploymentId: string,
  linkId: string,
): Promise<{ revoked: true; revokedAt: string }> {
  const access = await authorize(actor, 'sharelink.manage', deploymentId);
  const link = await prisma.shareLink.findFirst({ where: { id: linkId, deploymentId }, select: { id: true } });
  if (!link) throw new AppError('not_found', 'No such share link for this deployment.');
  await commit(async (tx, append) => {
    const changed = await tx.shareLink.updateMany({
      where: { id: linkId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (changed.count === 1) {
      await append({
        deploymentId,
        type: 'share_link.revoked',
        actorId: actor.userId,
        actorName: actor.name,
        roleKey: actingRole(access.heldRoles),
        data: { linkId },
      });
    }
  });
  await dropShareLinkWatchers(linkId);
  const revoked = await prisma.shareLink.findUniqueOrThrow({ where: { id: linkId }, select: { revokedAt: true } });
  return { revoked: true, revokedAt: revoked.revokedAt!.toISOString() };
}
