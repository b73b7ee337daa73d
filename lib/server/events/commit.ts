import type { TimelineEvent } from '@/lib/domain/event-log';
import { prisma, type Tx } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { publishEvents } from '@/lib/realtime/publish';
import { enqueueDeliveries } from '@/lib/server/webhooks/enqueue-deliveries';
import { appendEvent, type EventInput } from './append-event';

export type Idempotency = { userId: string; key: string; scope: string };

export type Append = (input: EventInput) => Promise<TimelineEvent>;

export type Committed<T> = { result: T; events: TimelineEvent[]; replayed: boolean };

const MAX_KEY_LENGTH = 200;

/**
 * Every write goes through here: one transaction changes the rows and appends their events, and
 * only after it commits are the events published. With an Idempotency-Key, the key is claimed
 * first inside the transaction, so a concurrent retry waits for the first attempt and then gets
 * its stored result instead of writing twice. Webhook deliveries are queued in the same
 * transaction (an outbox), so a crash after commit cannot drop a notification.
 */
export async function commit<T>(work: (tx: Tx, append: Append) => Promise<T>, idempotency?: Idempotency | null): Promise<Committed<T>> {
  if (idempotency && (idempotency.key.length === 0 || idempotency.key.length > MAX_KEY_LENGTH)) {
    throw new AppError('invalid_body', `Idempotency-Key must be 1–${MAX_KEY_LENGTH} characters.`);
  }
  const events: TimelineEvent[] = [];
  const outcome = await prisma.$transaction(
    async (tx) => {
      if (idempotency) {
        const claimed = await tx.$executeRaw`
          INSERT INTO "IdempotencyRecord" ("userId", "key", "scope", "status", "response", "createdAt")
          VALUES (${idempotency.userId}, ${idempotency.key}, ${idempotency.scope}, 0, 'null'::jsonb, now())
          ON CONFLICT DO NOTHING`;
        if (claimed === 0) {
          const previous = await tx.idempotencyRecord.findUnique({
            where: { userId_key: { userId: idempotency.userId, key: idempotency.key } },
          });
          if (!previous || previous.scope !== idempotency.scope) {
            throw new AppError('conflict', 'This Idempotency-Key was already used for a different request.');
          }
          return { replayed: true as const, result: previous.response as T };
        }
      }
      const append: Append = async (input) => {
        const event = await appendEvent(tx, input);
        events.push(event);
        return event;
      };
      const result = await work(tx, append);
      await enqueueDeliveries(tx, events);
      if (idempotency) {
        await tx.idempotencyRecord.update({
          where: { userId_key: { userId: idempotency.userId, key: idempotency.key } },
          data: { status: 200, response: JSON.parse(JSON.stringify(result ?? null)) },
        });
      }
      return { replayed: false as const, result };
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
  if (!outcome.replayed) publishEvents(events);
  return { result: outcome.result, events: outcome.replayed ? [] : events, replayed: outcome.replayed };
}
