import { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/server/db';

/** The outboxes whose rows a background worker sends: webhook deliveries and status mails. */
type Outbox = 'WebhookDelivery' | 'StatusMail';

/**
 * Claims up to `limit` due rows of an outbox as leases: each is marked `sending` until
 * `leaseMs` from now, so a row claimed by a process that died is due again once its lease ran
 * out, and SKIP LOCKED keeps two senders (a leader hand-over) from taking the same row.
 */
export async function claimDue(outbox: Outbox, limit: number, leaseMs: number): Promise<string[]> {
  const now = new Date();
  const table = Prisma.raw(`"${outbox}"`);
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE ${table} SET "status" = 'sending', "nextAttemptAt" = ${new Date(now.getTime() + leaseMs)}
    WHERE "id" IN (
      SELECT "id" FROM ${table}
      WHERE "status" IN ('pending', 'retrying', 'sending') AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id"`;
  return rows.map((r) => r.id);
}
