import 'server-only';
import type { CreateShareLinkInput } from '@/lib/schemas/status';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { hashToken } from '@/lib/server/auth/tokens';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { commit } from '@/lib/server/events/commit';
import { generateShareToken } from './share-token';

export type CreatedShareLink = { id: string; token: string; url: string; showNames: boolean; createdAt: string };

/**
 * The IC opens a public status link. The token is returned this once; the database keeps its
 * hash, so a leaked backup does not open the page. Sharing is a decision worth a timeline entry.
 */
export async function createShareLink(
  actor: SignedInActor,
  deploymentId: string,
  input: CreateShareLinkInput,
): Promise<CreatedShareLink> {
  const access = await authorize(actor, 'sharelink.manage', deploymentId);
  const token = generateShareToken();
  const { result } = await commit(async (tx, append) => {
    const link = await tx.shareLink.create({
      data: { deploymentId, tokenHash: hashToken(token), createdById: actor.userId, showNames: input.showNames },
    });
    await append({
      deploymentId,
      type: 'share_link.created',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey: actingRole(access.heldRoles),
      data: { linkId: link.id, showNames: link.showNames },
    });
    return link;
  });
  return {
    id: result.id,
    token,
    url: `/status/${token}`,
    showNames: result.showNames,
    createdAt: result.createdAt.toISOString(),
  };
}
