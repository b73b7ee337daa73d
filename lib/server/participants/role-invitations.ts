import 'server-only';
import { randomBytes } from 'node:crypto';
import type { InviteToRoleResult, RoleInvitationDto } from '@/lib/contracts/people';
import {
  INVITATION_DAYS_DEFAULT,
  INVITATION_DEAD_MESSAGE,
  invitationStatus,
  type InvitationStatus,
} from '@/lib/domain/accounts';
import type { InviteToRoleInput } from '@/lib/schemas/participant';
import { ADMIN_TOKEN_USER_ID, type SignedInActor } from '@/lib/server/auth/get-actor';
import { hashToken } from '@/lib/server/auth/tokens';
import { prisma } from '@/lib/server/db';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';
import { logger } from '@/lib/server/logger';
import { addParticipant } from './add-participant';
import { pendingWhere } from './pending-invitation';

type Row = {
  id: string;
  email: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  role: { key: string; name: string } | null;
  createdBy: { name: string } | null;
};

function toDto(row: Row, now = new Date()): RoleInvitationDto {
  return {
    id: row.id,
    email: row.email,
    roleKey: row.role?.key ?? '',
    roleName: row.role?.name ?? '',
    status: invitationStatus(row, now),
    invitedBy: row.createdBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

const withNames = { role: { select: { key: true, name: true } }, createdBy: { select: { name: true } } } as const;

/**
 * The IC invites someone into a role in one step: the invitation carries the deployment and the
 * role, and accepting it makes the account and the participant together
 * (`joinInvitedRoles`). An email that already has an account is assigned at once instead.
 */
export async function inviteToRole(
  actor: SignedInActor,
  deploymentId: string,
  input: InviteToRoleInput,
): Promise<InviteToRoleResult> {
  const access = await authorize(actor, 'participant.manage', deploymentId);
  const email = input.email.toLowerCase();
  const role = await prisma.role.findUnique({ where: { deploymentId_key: { deploymentId, key: input.roleKey } } });
  if (!role)
    throw new AppError('unknown_role', `This deployment has no role “${input.roleKey}”.`, { roleKey: input.roleKey });
  if (await prisma.user.count({ where: { email } })) {
    const added = await addParticipant(actor, deploymentId, { email, roleKey: role.key });
    return { outcome: 'added', ...added };
  }
  const pending = await prisma.invitation.findFirst({
    where: { email, roleId: role.id, ...pendingWhere() },
    select: { id: true },
  });
  if (pending)
    throw new AppError(
      'already_exists',
      `${email} already has a pending invitation to ${role.name}: revoke it first to make a new link.`,
      { invitationId: pending.id },
    );

  const token = `wri_${randomBytes(24).toString('base64url')}`;
  const { result } = await commit(async (tx, append) => {
    const row = await tx.invitation.create({
      data: {
        email,
        tokenHash: hashToken(token),
        deploymentId,
        roleId: role.id,
        createdById: actor.userId === ADMIN_TOKEN_USER_ID ? null : actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS_DEFAULT * 86_400_000),
      },
      include: withNames,
    });
    const event = await append({
      deploymentId,
      type: 'participant.invited',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey: actingRole(access.heldRoles),
      data: {
        invitationId: row.id,
        email,
        roleKey: role.key,
        roleName: role.name,
        expiresAt: row.expiresAt.toISOString(),
      },
    });
    return { outcome: 'invited' as const, invitation: toDto(row), token, path: `/invite/${token}`, seq: event.seq };
  });
  logger.info('participant.invited', { by: actor.userId, deploymentId, roleKey: role.key });
  return result;
}

/** The deployment's invitations still waiting to be accepted, newest first. */
export async function listRoleInvitations(actor: SignedInActor, deploymentId: string): Promise<RoleInvitationDto[]> {
  await authorize(actor, 'participant.manage', deploymentId);
  const rows = await prisma.invitation.findMany({
    where: { deploymentId, ...pendingWhere() },
    include: withNames,
    orderBy: { createdAt: 'desc' },
    take: 500,
  });
  return rows.map((row) => toDto(row));
}

const DEAD_CODE = {
  accepted: 'invitation_used',
  expired: 'invitation_expired',
  revoked: 'invitation_revoked',
} as const;

/** Withdraws a pending invitation: its link stops working at once. */
export async function revokeRoleInvitation(
  actor: SignedInActor,
  deploymentId: string,
  invitationId: string,
): Promise<{ invitation: RoleInvitationDto; seq: number }> {
  const access = await authorize(actor, 'participant.manage', deploymentId);
  const row = await prisma.invitation.findFirst({ where: { id: invitationId, deploymentId }, include: withNames });
  if (!row) throw new AppError('not_found', 'No such invitation in this deployment.');
  const { result } = await commit(async (tx, append) => {
    // Claimed with a conditional update: a revoke racing an accept leaves exactly one of them done.
    const now = new Date();
    const { count } = await tx.invitation.updateMany({
      where: { id: row.id, ...pendingWhere(now) },
      data: { revokedAt: now },
    });
    if (count === 0) {
      const status = invitationStatus(await tx.invitation.findUniqueOrThrow({ where: { id: row.id } }), now) as Exclude<
        InvitationStatus,
        'pending'
      >;
      throw new AppError(DEAD_CODE[status], INVITATION_DEAD_MESSAGE[status], { status });
    }
    const event = await append({
      deploymentId,
      type: 'participant.invitation_revoked',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey: actingRole(access.heldRoles),
      data: {
        invitationId: row.id,
        email: row.email,
        roleKey: row.role?.key ?? null,
        roleName: row.role?.name ?? null,
      },
    });
    return { invitation: toDto({ ...row, revokedAt: now }, now), seq: event.seq };
  });
  return result;
}

/** What the invite page says about a role invitation: which deployment, which role. */
export async function invitedRoleOf(
  token: string,
): Promise<{ deploymentId: string; deploymentName: string; roleKey: string; roleName: string } | null> {
  const row = await prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { deployment: { select: { id: true, name: true } }, role: { select: { key: true, name: true } } },
  });
  if (!row?.deployment || !row.role) return null;
  return {
    deploymentId: row.deployment.id,
    deploymentName: row.deployment.name,
    roleKey: row.role.key,
    roleName: row.role.name,
  };
}
