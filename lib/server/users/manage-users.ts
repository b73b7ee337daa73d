import 'server-only';
import type { UserListDto, UserRowDto } from '@/lib/contracts/users';
import { ACCOUNT_SHOWS, type AccountShow } from '@/lib/domain/account-list';
import type { Prisma } from '@/lib/generated/prisma/client';
import { disconnectUserEverywhere } from '@/lib/realtime/server/disconnect-user';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { choiceOf } from '@/lib/server/http/query-choice';
import { containing, searchTextOf } from '@/lib/server/http/search-text';
import { logger } from '@/lib/server/logger';
import { recordAccountEvent } from './account-events';
import { ensureMayGrantAdmin, ensureMayManageAccounts } from './authorize-accounts';

function latest(...dates: (Date | null | undefined)[]): string | null {
  const times = dates.filter((d): d is Date => Boolean(d)).map((d) => d.getTime());
  return times.length ? new Date(Math.max(...times)).toISOString() : null;
}

/**
 * How many accounts one answer lists. An installation with single sign-on gains an account for
 * everyone who ever signed in; the Users page lists the first by name and a search finds the rest
 * (a cap with no search hid everyone after the 2 000th name, leavers included, from deactivation).
 */
const USERS_SHOWN = 200;

const SHOWN_WHERE: Record<AccountShow, Prisma.UserWhereInput> = {
  everyone: {},
  admins: { isAdmin: true },
  active: { deactivatedAt: null },
  deactivated: { deactivatedAt: { not: null } },
};

/**
 * The accounts whose name or email contains `q` (any case), of those `show` asks for (admins,
 * active, deactivated; everyone by default), by name, at most USERS_SHOWN, and how many match in
 * all; "last seen" is their latest session activity or token use.
 */
export async function listUsers(actor: SignedInActor, query = new URLSearchParams()): Promise<UserListDto> {
  ensureMayManageAccounts(actor);
  const q = searchTextOf(query, 'a name or an email');
  const shown = SHOWN_WHERE[choiceOf(query, 'show', ACCOUNT_SHOWS, 'everyone')];
  const where = q ? { ...shown, OR: [{ name: containing(q) }, { email: containing(q) }] } : shown;
  const [users, matching] = await Promise.all([
    prisma.user.findMany({
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: USERS_SHOWN,
      select: {
        id: true,
        name: true,
        email: true,
        isAdmin: true,
        deactivatedAt: true,
        createdAt: true,
        sessions: { select: { updatedAt: true }, orderBy: { updatedAt: 'desc' }, take: 1 },
        apiTokens: {
          select: { lastUsedAt: true },
          where: { lastUsedAt: { not: null } },
          orderBy: { lastUsedAt: 'desc' },
          take: 1,
        },
      },
    }),
    prisma.user.count({ where }),
  ]);
  return {
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      isAdmin: u.isAdmin,
      active: !u.deactivatedAt,
      createdAt: u.createdAt.toISOString(),
      lastSeenAt: latest(u.sessions[0]?.updatedAt, u.apiTokens[0]?.lastUsedAt),
    })),
    matching,
  };
}

/**
 * Deactivating takes effect at once: the account's sessions are deleted, its API tokens revoked
 * (in one transaction with the flag), then its open sockets are dropped. Reactivating lets it sign
 * in again; its tokens stay revoked.
 */
export async function setUserActive(actor: SignedInActor, userId: string, active: boolean): Promise<UserRowDto> {
  ensureMayManageAccounts(actor);
  if (userId === actor.userId && !active)
    throw new AppError('cannot_deactivate_self', 'You cannot deactivate your own account; ask another admin.');
  const target = await prisma.user.findUnique({
    where: { id: userId },
    select: { isAdmin: true, email: true },
  });
  if (!target) throw new AppError('not_found', 'No such account.');
  if (target.isAdmin) await ensureMayGrantAdmin(actor);
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    // Claimed with a conditional update: asking again for what already holds (or two admins at
    // once) changes nothing, and records nothing more.
    const changed = await tx.user.updateMany({
      where: { id: userId, deactivatedAt: active ? { not: null } : null },
      data: { deactivatedAt: active ? null : now },
    });
    if (changed.count === 1)
      await recordAccountEvent(tx, actor, active ? 'account.reactivated' : 'account.deactivated', {
        id: userId,
        email: target.email,
      });
    if (!active) {
      await tx.session.deleteMany({ where: { userId } });
      await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    }
  });
  if (!active) await disconnectUserEverywhere(userId);
  logger.info(active ? 'account.reactivated' : 'account.deactivated', { by: actor.userId, userId });
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isAdmin: user.isAdmin,
    active: !user.deactivatedAt,
    createdAt: user.createdAt.toISOString(),
    lastSeenAt: null,
  };
}
