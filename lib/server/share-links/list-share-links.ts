import 'server-only';
import type { ShareLinkDto } from '@/lib/contracts/share-links';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { authorize } from '@/lib/server/deployments/load-access';

/** The deployment's links, newest first — never their tokens, which exist only as hashes. */
export async function listShareLinks(actor: SignedInActor, deploymentId: string): Promise<ShareLinkDto[]> {
  await authorize(actor, 'sharelink.manage', deploymentId);
  const links = await prisma.shareLink.findMany({ where: { deploymentId }, orderBy: { createdAt: 'desc' }, take: 100 });
  const creatorIds = [...new Set(links.flatMap((l) => (l.createdById ? [l.createdById] : [])))];
  const names = new Map(
    (await prisma.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return links.map((l) => ({
    id: l.id,
    showNames: l.showNames,
    createdAt: l.createdAt.toISOString(),
    createdBy: l.createdById ? (names.get(l.createdById) ?? 'Admin') : null,
    revokedAt: l.revokedAt?.toISOString() ?? null,
  }));
}
