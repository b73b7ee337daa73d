import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import type { InvitationDto } from '@/lib/contracts/users';
import { INVITATION_DEAD_MESSAGE, invitationStatus, type InvitationStatus } from '@/lib/domain/accounts';
import type { AcceptInvitationInput, CreateInvitationInput } from '@/lib/schemas/invitation';
import { ADMIN_TOKEN_USER_ID, type SignedInActor } from '@/lib/server/auth/get-actor';
import { hashToken } from '@/lib/server/auth/tokens';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';
import { logger } from '@/lib/server/logger';
import { joinInvitedRoles } from '@/lib/server/participants/join-invited-roles';
import { pendingWhere } from '@/lib/server/participants/pending-invitation';
import { recordAccountEvent } from './account-events';
import { ensureMayGrantAdmin, ensureMayManageAccounts } from './authorize-accounts';
import type { UserDto } from './create-user';

type Row = {
  id: string;
  email: string;
  isAdmin: boolean;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
};

function toDto(row: Row, now = new Date()): InvitationDto {
  return {
    id: row.id,
    email: row.email,
    isAdmin: row.isAdmin,
    status: invitationStatus(row, now),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

const DEAD_CODE = {
  accepted: 'invitation_used',
  expired: 'invitation_expired',
  revoked: 'invitation_revoked',
} as const;

function refuseDead(status: Exclude<InvitationStatus, 'pending'>): never {
  throw new AppError(DEAD_CODE[status], INVITATION_DEAD_MESSAGE[status], { status });
}

/** An invite link: single use, expiring; the token is returned once and stored as its SHA-256. */
export async function createInvitation(actor: SignedInActor, input: CreateInvitationInput) {
  ensureMayManageAccounts(actor);
  if (input.isAdmin) await ensureMayGrantAdmin(actor);
  const email = input.email.toLowerCase();
  if (await prisma.user.count({ where: { email } }))
    throw new AppError('already_exists', `${email} already has an account.`);
  const token = `wri_${randomBytes(24).toString('base64url')}`;
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        email,
        isAdmin: input.isAdmin ?? false,
        tokenHash: hashToken(token),
        createdById: actor.userId === ADMIN_TOKEN_USER_ID ? null : actor.userId,
        expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
      },
    });
    await recordAccountEvent(tx, actor, 'invitation.created', { id: created.id, email }, { isAdmin: created.isAdmin });
    return created;
  });
  logger.info('account.invited', { by: actor.userId, email, isAdmin: row.isAdmin });
  return { invitation: toDto(row), token, path: `/invite/${token}` };
}

/** Invitations that ended (used, withdrawn, expired) in the last 30 days, the newest this many. */
const ENDED_SHOWN = 500;
/** A bound on one answer only: links expire (a week by default, 30 days at most). */
const PENDING_MAX = 10_000;

/**
 * Every pending invitation (links expire, so they stay few) and, newest first with them, those
 * sent in the last 30 days that have ended. (One cap over both hid the oldest pending
 * invitations from revocation once an onboarding sent more than it.)
 */
export async function listInvitations(actor: SignedInActor): Promise<InvitationDto[]> {
  ensureMayManageAccounts(actor);
  const now = new Date();
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [pending, ended] = await Promise.all([
    prisma.invitation.findMany({ where: pendingWhere(now), orderBy: { createdAt: 'desc' }, take: PENDING_MAX }),
    prisma.invitation.findMany({
      where: { createdAt: { gte: since }, NOT: pendingWhere(now) },
      orderBy: { createdAt: 'desc' },
      take: ENDED_SHOWN,
    }),
  ]);
  return [...pending, ...ended]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map((row) => toDto(row, now));
}

export async function revokeInvitation(actor: SignedInActor, id: string): Promise<InvitationDto> {
  ensureMayManageAccounts(actor);
  const count = await prisma.$transaction(async (tx) => {
    const revoked = await tx.invitation.updateMany({
      where: { id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 1) {
      const { email, isAdmin } = await tx.invitation.findUniqueOrThrow({ where: { id } });
      await recordAccountEvent(tx, actor, 'invitation.revoked', { id, email }, { isAdmin });
    }
    return revoked.count;
  });
  const row = await prisma.invitation.findUnique({ where: { id } });
  if (!row) throw new AppError('not_found', 'No such invitation.');
  const dto = toDto(row);
  if (count === 0 && dto.status !== 'revoked') refuseDead(dto.status as Exclude<InvitationStatus, 'pending'>);
  return dto;
}

/** What the invite page shows before the person fills it in. */
export async function findInvitation(token: string): Promise<InvitationDto | null> {
  const row = await prisma.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
  return row ? toDto(row) : null;
}

/**
 * The invited person sets a name and password: the account is made and the link used up in one
 * transaction, claimed with a conditional update so two clicks at once make one account.
 */
export async function acceptInvitation(token: string, input: AcceptInvitationInput): Promise<UserDto> {
  const row = await prisma.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row)
    throw new AppError(
      'not_found',
      'This invitation link is not valid. Check that it was copied whole, or ask an admin for a new one.',
    );
  const status = invitationStatus(row, new Date());
  if (status !== 'pending') refuseDead(status);
  const password = await hashPassword(input.password);
  const id = randomUUID();
  try {
    const { result } = await commit(async (tx, append) => {
      const claimed = await tx.invitation.updateMany({
        where: { id: row.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        data: { acceptedAt: new Date() },
      });
      if (claimed.count === 0) refuseDead('accepted');
      const user = await tx.user.create({
        data: {
          id,
          email: row.email,
          name: input.name,
          isAdmin: row.isAdmin,
          emailVerified: true,
          accounts: { create: { id: randomUUID(), accountId: id, providerId: 'credential', password } },
        },
      });
      await tx.invitation.update({ where: { id: row.id }, data: { acceptedById: user.id } });
      await recordAccountEvent(
        tx,
        { userId: user.id, name: user.name },
        'invitation.accepted',
        { id: user.id, email: user.email },
        { isAdmin: user.isAdmin },
      );
      // An invitation into a role (the IC's People panel) makes the participant in this same transaction.
      const joined = await joinInvitedRoles(tx, append, user, row.id);
      logger.info('account.invitation_accepted', {
        userId: user.id,
        email: user.email,
        isAdmin: user.isAdmin,
        roles: joined,
      });
      return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
    });
    return result;
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002')
      throw new AppError('already_exists', `${row.email} already has an account: sign in instead.`);
    throw error;
  }
}
