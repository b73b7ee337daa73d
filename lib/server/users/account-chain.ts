import type { AccountEventPayload, AccountEventType } from '@/lib/domain/account-events';
import { prisma, type Tx } from '@/lib/server/db';
import { canonicalJson } from '@/lib/server/events/append-event';
import { auditKey, auditKeyId, currentAuditKeyId, hmacHex, keysById } from '@/lib/server/events/audit-key';

/** A line of the account history as it is hashed. */
export type AccountLine = {
  type: AccountEventType;
  at: Date;
  actorId: string | null;
  actorName: string;
  subjectId: string | null;
  subject: string;
  payload: AccountEventPayload;
};

/** The text a line's hash covers: its content and the hash of the line before it. */
function canonicalText(line: AccountLine, prevHash: string): string {
  return JSON.stringify([
    line.type,
    line.at.toISOString(),
    line.actorId,
    line.actorName,
    line.subjectId,
    line.subject,
    canonicalJson(line.payload ?? {}),
    prevHash,
  ]);
}

export function hashAccountLine(line: AccountLine, prevHash: string, key: Buffer): string {
  return hmacHex(key, canonicalText(line, prevHash));
}

/**
 * Appends a line to the account history, chained like the event log: keyed with the audit key
 * over the line and the one before it, so whoever owns the database can neither rewrite nor
 * remove a line (an admin right granted, an invitation made) without `audit:verify --accounts`
 * noticing. The chain's head row is locked until the caller's transaction ends: lines chain in
 * the order they commit.
 */
export async function appendAccountLine(tx: Tx, line: AccountLine): Promise<void> {
  await tx.$executeRaw`INSERT INTO "AccountChainHead" ("id") VALUES (1) ON CONFLICT ("id") DO NOTHING`;
  const [head] = await tx.$queryRaw<{ lastHash: string }[]>`
    SELECT "lastHash" FROM "AccountChainHead" WHERE "id" = 1 FOR UPDATE`;
  const keyId = currentAuditKeyId();
  const hash = hashAccountLine(line, head.lastHash, auditKey());
  await tx.accountEvent.create({
    data: { ...line, payload: line.payload as object, prevHash: head.lastHash, hash, keyId },
  });
  await tx.$executeRaw`UPDATE "AccountChainHead" SET "lastHash" = ${hash}, "keyId" = ${keyId} WHERE "id" = 1`;
}

/** The id of the key that hashed the newest line; undefined while the history has no chained line (see recordAuditKeyChange). */
export async function chainHeadKeyId(): Promise<string | null | undefined> {
  const head = await prisma.accountChainHead.findUnique({ where: { id: 1 }, select: { keyId: true, lastHash: true } });
  return head?.lastHash ? head.keyId : undefined;
}

export type AccountChainResult =
  | { intact: true; lines: number; unchained: number; lastHash: string }
  | { intact: false; lines: number; brokenAt: number; reason: string };

const PAGE = 1000;

/**
 * Recomputes the account history's chain from its first line, like verifyChain for a
 * deployment: every chained line links to the one before and hashes (with the key it names) to
 * what it stores, up to the line the chain's head names (lines appended while it runs come after
 * it), so a line rewritten, inserted or removed shows. After a rotation the head must be the
 * current key's (the line the server writes at its first start with it). Lines written before the
 * history was chained come first and are counted, not checked.
 */
export async function verifyAccountChain(keys: Buffer[]): Promise<AccountChainResult> {
  const byId = keysById(keys);
  const head = await prisma.accountChainHead.findUnique({ where: { id: 1 } });
  const headHash = head?.lastHash ?? '';
  let prev = '';
  let lastKeyId: string | null = null;
  let unchained = 0;
  let position = 0;
  walk: for (let after = 0n; ;) {
    const rows = await prisma.accountEvent.findMany({
      where: { id: { gt: after } },
      orderBy: { id: 'asc' },
      take: PAGE,
    });
    for (const row of rows) {
      if (prev === headHash && prev !== '') break walk;
      position += 1;
      const broken = (reason: string) => ({ intact: false as const, lines: position - 1, brokenAt: position, reason });
      if (!row.hash) {
        if (prev) return broken(`line ${position} has no hash but follows chained lines`);
        unchained += 1;
        continue;
      }
      if (row.prevHash !== prev) return broken(`line ${position} does not link to the line before it`);
      const key = row.keyId ? byId.get(row.keyId) : undefined;
      if (!key)
        return broken(
          `line ${position} was hashed with an audit key not given (id ${row.keyId}): set AUDIT_KEY_PREVIOUS to the earlier audit keys`,
        );
      const line = { ...row, type: row.type as AccountEventType, payload: row.payload as AccountEventPayload };
      if (hashAccountLine(line, prev, key) !== row.hash)
        return broken(`line ${position} was changed after it was written`);
      prev = row.hash;
      lastKeyId = row.keyId;
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].id;
  }
  const ended = (reason: string): AccountChainResult => ({
    intact: false,
    lines: position,
    brokenAt: position + 1,
    reason,
  });
  if (headHash !== prev)
    return ended(`the history ends at line ${position}, but its chain head points at a line it does not have`);
  if (lastKeyId && lastKeyId !== auditKeyId(keys[0]))
    return ended(
      `the newest line was hashed with an earlier audit key: start the server once with the current AUDIT_KEY (it records the change)`,
    );
  return { intact: true, lines: position, unchained, lastHash: prev };
}
