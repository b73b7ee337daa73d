import type { TimelineEvent } from '@/lib/domain/event-log';
import { publishEvents } from '@/lib/realtime/server/publish';
import { prisma, type Tx } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { sqlTransaction, type Sql } from '@/lib/server/sql';
import { enqueueDeliveries } from '@/lib/server/webhooks/enqueue-deliveries';
import { appendEvent, type EventInput } from './append-event';

export type Idempotency = { userId: string; key: string; scope: string };

export type Append = (input: EventInput) => Promise<TimelineEvent>;

export type Committed<T> = { result: T; events: TimelineEvent[]; replayed: boolean };

type Outcome<T> = { replayed: boolean; result: T; events: TimelineEvent[] };

const MAX_KEY_LENGTH = 200;

function checkKey(idempotency?: Idempotency | null) {
  if (idempotency && (idempotency.key.length === 0 || idempotency.key.length > MAX_KEY_LENGTH)) {
    throw new AppError('invalid_body', `Idempotency-Key must be 1–${MAX_KEY_LENGTH} characters.`);
  }
}

/**
 * Inside the write's transaction: with an Idempotency-Key, the key is claimed first, so a
 * concurrent retry waits for the first attempt and then gets its stored result instead of writing
 * twice. Webhook deliveries are queued in the same transaction (an outbox), so a crash after
 * commit cannot drop a notification.
 */
async function inTransaction<T>(
  sql: Sql,
  idempotency: Idempotency | null | undefined,
  work: (append: Append) => Promise<T>,
): Promise<Outcome<T>> {
  if (idempotency) {
    const claimed = await sql`
      INSERT INTO "IdempotencyRecord" ("userId", "key", "scope", "status", "response", "createdAt")
      VALUES (${idempotency.userId}, ${idempotency.key}, ${idempotency.scope}, 0, 'null'::jsonb, now())
      ON CONFLICT DO NOTHING
      RETURNING "key"`;
    if (claimed.length === 0) {
      const [previous] = await sql<{ scope: string; response: T }>`
        SELECT "scope", "response" FROM "IdempotencyRecord" WHERE "userId" = ${idempotency.userId} AND "key" = ${idempotency.key}`;
      if (!previous || previous.scope !== idempotency.scope) {
        throw new AppError('conflict', 'This Idempotency-Key was already used for a different request.');
      }
      return { replayed: true, result: previous.response, events: [] };
    }
  }
  const events: TimelineEvent[] = [];
  const result = await work(async (input) => {
    const event = await appendEvent(sql, input);
    events.push(event);
    return event;
  });
  await enqueueDeliveries(sql, events);
  if (idempotency) {
    await sql`
      UPDATE "IdempotencyRecord" SET "status" = 200, "response" = ${JSON.stringify(result ?? null)}::jsonb
      WHERE "userId" = ${idempotency.userId} AND "key" = ${idempotency.key}`;
  }
  return { replayed: false, result, events };
}

/** The same statements through an interactive Prisma transaction. */
function prismaSql(tx: Tx): Sql {
  return <R>(strings: TemplateStringsArray, ...values: unknown[]) => tx.$queryRaw<R[]>(strings, ...values);
}

/** Only after the transaction committed are its events published. */
function published<T>(outcome: Outcome<T>): Committed<T> {
  if (!outcome.replayed) publishEvents(outcome.events);
  return outcome;
}

/**
 * Every write goes through here (or `commitSql`): one transaction changes the rows and appends
 * their events, and only after it commits are the events published.
 */
export async function commit<T>(
  work: (tx: Tx, append: Append) => Promise<T>,
  idempotency?: Idempotency | null,
): Promise<Committed<T>> {
  checkKey(idempotency);
  const outcome = await prisma.$transaction(
    (tx) => inTransaction<T>(prismaSql(tx), idempotency, (append) => work(tx, append)),
    { timeout: 15_000, maxWait: 10_000 },
  );
  return published(outcome);
}

/** The same, for writes made of plain SQL only (the tick): no Prisma on the hottest path. */
export async function commitSql<T>(
  work: (sql: Sql, append: Append) => Promise<T>,
  idempotency?: Idempotency | null,
): Promise<Committed<T>> {
  checkKey(idempotency);
  const outcome = await sqlTransaction((sql) => inTransaction<T>(sql, idempotency, (append) => work(sql, append)));
  return published(outcome);
}
