import { createHash } from 'node:crypto';
import type { EventType, TimelineEvent } from '@/lib/domain/event-log';
import type { Tx } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';

export type EventInput = {
  deploymentId: string;
  type: EventType;
  actorId: string | null;
  actorName: string | null;
  roleKey?: string | null;
  data?: Record<string, unknown>;
};

type EventRow = {
  deploymentId: string;
  seq: number;
  type: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  roleKey: string | null;
  payload: unknown;
};

/**
 * JSON with object keys sorted, recursively. PostgreSQL's jsonb does not keep key order, so the
 * payload read back for `npm run audit:verify` must serialise the same way it did when hashed.
 */
function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonicalJson((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/** The audit chain: each event's hash covers its content and the previous event's hash. */
export function hashEvent(row: EventRow, prevHash: string): string {
  const canonical = JSON.stringify([
    row.deploymentId, row.seq, row.type, row.at.toISOString(), row.actorId, row.actorName, row.roleKey, canonicalJson(row.payload ?? {}), prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export function toTimelineEvent(row: EventRow): TimelineEvent {
  return {
    seq: row.seq,
    type: row.type as EventType,
    at: row.at.toISOString(),
    deploymentId: row.deploymentId,
    actorId: row.actorId,
    actor: row.actorName,
    role: row.roleKey,
    data: (row.payload ?? {}) as Record<string, unknown>,
  };
}

/**
 * Appends one event inside the caller's transaction. Incrementing the deployment's counter takes
 * the row lock, which orders concurrent writers of one deployment; a rolled-back write leaves no hole.
 * Every write of the product comes through here, so it is two plain SQL round trips (counter,
 * then event + chain head in one statement) rather than three generated queries: on the hot path
 * the query compiler's CPU, not PostgreSQL, is what limits writes per second.
 */
export async function appendEvent(tx: Tx, input: EventInput): Promise<TimelineEvent> {
  const at = new Date();
  const [counter] = await tx.$queryRaw<{ seq: number; lastEventHash: string }[]>`
    UPDATE "Deployment" SET "seq" = "seq" + 1, "updatedAt" = ${at}
    WHERE "id" = ${input.deploymentId}
    RETURNING "seq", "lastEventHash"`;
  if (!counter) throw new AppError('not_found', 'No such deployment.');
  const row: EventRow = {
    deploymentId: input.deploymentId,
    seq: counter.seq,
    type: input.type,
    at,
    actorId: input.actorId,
    actorName: input.actorName,
    roleKey: input.roleKey ?? null,
    payload: JSON.parse(JSON.stringify(input.data ?? {})),
  };
  const hash = hashEvent(row, counter.lastEventHash);
  // A data-modifying WITH runs exactly once whether or not the outer statement reads it.
  await tx.$executeRaw`
    WITH appended AS (
      INSERT INTO "Event" ("deploymentId", "seq", "type", "at", "actorId", "actorName", "roleKey", "payload", "prevHash", "hash")
      VALUES (${row.deploymentId}, ${row.seq}, ${row.type}, ${at}, ${row.actorId}, ${row.actorName}, ${row.roleKey}, ${JSON.stringify(row.payload)}::jsonb, ${counter.lastEventHash}, ${hash})
    )
    UPDATE "Deployment" SET "lastEventHash" = ${hash} WHERE "id" = ${row.deploymentId}`;
  return toTimelineEvent(row);
}
