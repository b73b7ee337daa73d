import type { AccountEventDto } from '@/lib/contracts/users';
import {
  accountHistoryCsv,
  ACCOUNT_EVENTS_MAX,
  ACCOUNT_EVENTS_PAGE,
  type AccountCreatedVia,
  type AccountEventPayload,
  type AccountEventType,
} from '@/lib/domain/account-events';
import { ADMIN_TOKEN_USER_ID } from '@/lib/domain/accounts';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma, type Tx } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { currentAuditKeyId } from '@/lib/server/events/audit-key';
import { appendAccountLine, chainHeadKeyId } from './account-chain';
import { ensureMayManageAccounts } from './authorize-accounts';

/** Who acted: a person (or the bootstrap admin token), or — with `name` only — no person (an SSO provider's group). */
export type AccountEventActor = Pick<SignedInActor, 'userId' | 'name'> | { userId: null; name: string };

/**
 * Writes one line of the account history inside the change's own transaction, so a change is never
 * without its record (nor a record without its change), chained onto the lines before it.
 */
export async function recordAccountEvent(
  tx: Tx,
  actor: AccountEventActor,
  type: AccountEventType,
  /**
   * An account or invitation (by email), a global webhook (by host: its URL may hold a secret), or
   * something else by name (the audit key, by its id).
   */
  subject: { id: string | null; email: string } | { id: string; host: string } | { id: null; name: string },
  payload: AccountEventPayload = {},
): Promise<void> {
  await appendAccountLine(tx, {
    type,
    at: new Date(),
    actorId: actor.userId === ADMIN_TOKEN_USER_ID ? null : actor.userId,
    actorName: actor.name,
    subjectId: subject.id,
    subject: 'email' in subject ? subject.email : 'host' in subject ? subject.host : subject.name,
    payload,
  });
}

/**
 * An account someone made for themselves (open sign-up, a first SSO sign-in), recorded once
 * better-auth has made it: better-auth writes the account itself, outside any transaction of ours.
 */
export async function recordSelfMadeAccount(
  user: { id: string; name: string; email: string; isAdmin?: boolean | null },
  via: Exclude<AccountCreatedVia, 'admin'>,
): Promise<void> {
  await prisma.$transaction((tx) =>
    recordAccountEvent(
      tx,
      { userId: user.id, name: user.name },
      'account.created',
      { id: user.id, email: user.email },
      { isAdmin: Boolean(user.isAdmin), via },
    ),
  );
}

/**
 * The SSO provider's admin group decides who is admin at each sign-in (SSO_ADMIN_GROUP): a change
 * is made and recorded together, with the provider as the actor.
 */
export async function applySsoAdminGroup(
  user: { id: string; email: string; isAdmin: boolean },
  isAdmin: boolean,
): Promise<void> {
  if (user.isAdmin === isAdmin) return;
  await prisma.$transaction(async (tx) => {
    const changed = await tx.user.updateMany({ where: { id: user.id, isAdmin: !isAdmin }, data: { isAdmin } });
    if (changed.count === 1)
      await recordAccountEvent(
        tx,
        SSO_ADMIN_GROUP_ACTOR,
        isAdmin ? 'account.admin_granted' : 'account.admin_revoked',
        { id: user.id, email: user.email },
        { reason: 'sso_admin_group' },
      );
  });
}

const SSO_ADMIN_GROUP_ACTOR = { userId: null, name: 'SSO admin group' } as const;

/**
 * At start, after an AUDIT_KEY rotation: a line hashed with the new key says so, and chains onto
 * the head the old key made, so whoever holds the old key can no longer rewrite the lines before
 * it. Returns whether it wrote one (the first start with a new key).
 */
export async function recordAuditKeyChange(): Promise<boolean> {
  const keyId = currentAuditKeyId();
  const headKeyId = await chainHeadKeyId();
  if (headKeyId === undefined || headKeyId === keyId) return false;
  await prisma.$transaction((tx) =>
    recordAccountEvent(tx, { userId: null, name: 'War Room' }, 'audit_key.changed', {
      id: null,
      name: `audit key ${keyId}`,
    }),
  );
  return true;
}

type AccountEventRow = Awaited<ReturnType<typeof prisma.accountEvent.findMany>>[number];

/** A stored line as the page, the API and the export read it. */
function toDto(row: AccountEventRow): AccountEventDto {
  return {
    id: row.id.toString(),
    type: row.type as AccountEventType,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    subjectId: row.subjectId,
    subject: row.subject,
    payload: row.payload as AccountEventPayload,
    hash: row.hash,
  };
}

/** PostgreSQL's bigint, the id's type: a larger `before` would be the database's error, not ours. */
const MAX_BIGINT = 2n ** 63n - 1n;

/**
 * `?person=<user id>`: the lines one person acted in or was the subject of — their invitation
 * too, made before they had an account (it names their email).
 */
async function personFilter(id: string | null) {
  if (id === null) return {};
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new AppError('invalid_query', '`person` must be an account id.');
  const user = await prisma.user.findUnique({ where: { id }, select: { email: true } });
  if (!user) throw new AppError('not_found', 'No such account.');
  return { OR: [{ actorId: id }, { subjectId: id }, { subject: user.email }] };
}

/**
 * The account history for an admin, newest first; `before` (an id from the last page) pages
 * back, `person` keeps one person's lines.
 */
export async function listAccountEvents(
  actor: SignedInActor,
  query: URLSearchParams,
): Promise<{ events: AccountEventDto[]; nextBefore: string | null }> {
  ensureMayManageAccounts(actor);
  const before = query.get('before');
  const limitText = query.get('limit');
  if (before !== null && !(/^[1-9][0-9]{0,18}$/.test(before) && BigInt(before) <= MAX_BIGINT))
    throw new AppError('invalid_query', '`before` must be the id of an account event from an earlier page.');
  const limit = limitText === null ? ACCOUNT_EVENTS_PAGE : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > ACCOUNT_EVENTS_MAX)
    throw new AppError('invalid_query', `\`limit\` must be a whole number from 1 to ${ACCOUNT_EVENTS_MAX}.`);
  const person = await personFilter(query.get('person'));
  const rows = await prisma.accountEvent.findMany({
    where: { ...(before === null ? {} : { id: { lt: BigInt(before) } }), ...person },
    orderBy: { id: 'desc' },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    events: page.map(toDto),
    nextBefore: rows.length > limit ? page[page.length - 1].id.toString() : null,
  };
}

/** How many lines the export reads at a time. */
const EXPORT_BATCH = 5000;

/** The whole account history (or one person's, `?person=`), oldest first, as CSV for an auditor. */
export async function exportAccountEvents(
  actor: SignedInActor,
  query: URLSearchParams,
): Promise<{ csv: string; fileName: string }> {
  ensureMayManageAccounts(actor);
  const person = await personFilter(query.get('person'));
  const rows: AccountEventRow[] = [];
  for (let after = 0n; ;) {
    const batch = await prisma.accountEvent.findMany({
      where: { id: { gt: after }, ...person },
      orderBy: { id: 'asc' },
      take: EXPORT_BATCH,
    });
    rows.push(...batch);
    if (batch.length < EXPORT_BATCH) break;
    after = batch[batch.length - 1].id;
  }
  const csv = accountHistoryCsv(rows.map(toDto));
  return { csv, fileName: `account-history-${new Date().toISOString().slice(0, 10)}.csv` };
}
