// No 'server-only' marker: server.ts loads this (through better-auth's hooks) outside Next.
import type { Tx } from '@/lib/server/db';
import type { Append } from '@/lib/server/events/commit';
import { pendingWhere } from './pending-invitation';

type NewAccount = { id: string; name: string; email: string };

/**
 * Inside the transaction that makes an invited person's account (the invite link's password form,
 * or a first SSO sign-in): every role invitation for their email becomes a participant, with its
 * `participant.added` event. The invitation the person used is already claimed by that
 * transaction (`usedInvitationId`); other pending role invitations for the same email — the IC
 * may have invited them into two roles — are claimed here, so no link outlives the account.
 */
export async function joinInvitedRoles(
  tx: Tx,
  append: Append,
  user: NewAccount,
  usedInvitationId: string | null,
): Promise<number> {
  const now = new Date();
  const others = await tx.invitation.findMany({
    where: {
      email: { equals: user.email, mode: 'insensitive' },
      roleId: { not: null },
      ...pendingWhere(now),
      ...(usedInvitationId ? { id: { not: usedInvitationId } } : {}),
    },
    select: { id: true },
  });
  const claimed = others.length
    ? (
        await tx.invitation.updateMany({
          where: { id: { in: others.map((o) => o.id) }, ...pendingWhere(now) },
          data: { acceptedAt: now },
        })
      ).count
    : 0;
  // What was claimed just now (or by the caller) is what this account joins.
  const invitations = await tx.invitation.findMany({
    where: {
      OR: [
        ...(usedInvitationId ? [{ id: usedInvitationId }] : []),
        ...(claimed ? [{ id: { in: others.map((o) => o.id) }, acceptedAt: now }] : []),
      ],
      roleId: { not: null },
    },
    include: { role: true, createdBy: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  let joined = 0;
  for (const invitation of invitations) {
    const role = invitation.role;
    if (!role) continue;
    const existing = await tx.participant.findUnique({
      where: { roleId_userId: { roleId: role.id, userId: user.id } },
    });
    if (existing) continue;
    const participant = await tx.participant.create({
      data: { deploymentId: role.deploymentId, roleId: role.id, userId: user.id },
    });
    await append({
      deploymentId: role.deploymentId,
      type: 'participant.added',
      actorId: user.id,
      actorName: user.name,
      roleKey: role.key,
      data: {
        participantId: participant.id,
        userId: user.id,
        userName: user.name,
        roleKey: role.key,
        roleName: role.name,
        via: 'invitation',
        invitationId: invitation.id,
        invitedBy: invitation.createdBy?.name ?? null,
      },
    });
    joined += 1;
  }
  return joined;
}
