import { createHash } from 'node:crypto';
import type { EventType, TimelineEvent } from '@/lib/domain/event-log';
import { AppError } from '@/lib/server/errors';
import type { Sql } from '@/lib/server/sql';
import { auditKey, currentAuditKeyId, hmacHex, hmacPads } from './audit-key';

export type EventInput = {
  deploymentId: string;
  type: EventType;
  actorId: string | null;
  actorName: string | null;
  roleKey?: string | null;
  data?: Record<string, unknown>;
};

export type EventRow = {
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
export function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonicalJson((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * The canonical text of an event is the JSON array [deploymentId, seq, type, at, actorId,
 * actorName, roleKey, payload, prevHash], split here around the two values only PostgreSQL knows
 * at append time (the seq and the previous hash), so the append can hash inside its one statement
 * and `hashEvent` rebuilds exactly the same text from a stored row.
 */
function canonicalParts(row: Omit<EventRow, 'seq'>): { head: string; middle: string } {
  const rest = JSON.stringify([
    row.type,
    row.at.toISOString(),
    row.actorId,
    row.actorName,
    row.roleKey,
    canonicalJson(row.payload ?? {}),
  ]);
  return { head: `[${JSON.stringify(row.deploymentId)},`, middle: `,${rest.slice(1, -1)},` };
}

function canonicalText(row: EventRow, prevHash: string): string {
  const { head, middle } = canonicalParts(row);
  return `${head}${row.seq}${middle}${JSON.stringify(prevHash)}]`;
}

/**
 * The audit chain: each event's hash covers its content and the previous event's hash, keyed
 * (HMAC-SHA-256 with the audit key, which the database never holds), so rewriting a row and
 * recomputing the chain needs the key as well as the database.
 */
export function hashEvent(row: EventRow, prevHash: string, key: Buffer = auditKey()): string {
  return hmacHex(key, canonicalText(row, prevHash));
}

/**
 * The chain before it was keyed: plain SHA-256 of the same text. Only events up to a deployment's
 * `legacyChainSeq` (written before the keyed chain existed) are verified this way.
 */
export function plainHashEvent(row: EventRow, prevHash: string): string {
  return createHash('sha256').update(canonicalText(row, prevHash)).digest('hex');
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
 * Appends one event inside the caller's transaction, in one statement: it locks the deployment
 * row (which orders concurrent writers of one deployment; a rolled-back write leaves no hole),
 * takes the next seq, hashes the event onto the chain (HMAC, finished in SQL from `hmacPads`) and inserts it
 * with the id of the key that hashed it. The row lock is held until
 * the transaction ends, so every round trip after it is time other writers wait; one statement
 * keeps that to the commit alone. `hashEvent` recomputes the same hash (audit:verify).
 */
export async function appendEvent(sql: Sql, input: EventInput): Promise<TimelineEvent> {
  const at = new Date();
  const base = {
    deploymentId: input.deploymentId,
    type: input.type,
    at,
    actorId: input.actorId,
    actorName: input.actorName,
    roleKey: input.roleKey ?? null,
    payload: JSON.parse(JSON.stringify(input.data ?? {})) as unknown,
  };
  const { head, middle } = canonicalParts(base);
  const pads = hmacPads(auditKey());
  // The locking read returns the newest committed row; the UPDATE then follows it to that version.
  const [appended] = await sql<{ seq: number }>`
    WITH locked AS (
      SELECT "id", "seq", "lastEventHash" FROM "Deployment" WHERE "id" = ${base.deploymentId} FOR UPDATE
    ), bumped AS (
      UPDATE "Deployment" d
      SET "seq" = locked."seq" + 1, "updatedAt" = ${at},
          "lastEventHash" = encode(sha256(decode(${pads.outer}, 'hex') || sha256(decode(${pads.inner}, 'hex') ||
            convert_to(${head} || (locked."seq" + 1)::text || ${middle} || to_json(locked."lastEventHash")::text || ']', 'UTF8'))), 'hex')
      FROM locked WHERE d."id" = locked."id"
      RETURNING d."seq", locked."lastEventHash" AS "prevHash", d."lastEventHash" AS "hash"
    ), inserted AS (
      INSERT INTO "Event" ("deploymentId", "seq", "type", "at", "actorId", "actorName", "roleKey", "payload", "prevHash", "hash", "keyId")
      SELECT ${base.deploymentId}, "seq", ${base.type}, ${at}, ${base.actorId}, ${base.actorName}, ${base.roleKey}, ${JSON.stringify(base.payload)}::jsonb, "prevHash", "hash", ${currentAuditKeyId()}
      FROM bumped
    )
    SELECT "seq" FROM bumped`;
  if (!appended) throw new AppError('not_found', 'No such deployment.');
  return toTimelineEvent({ ...base, seq: appended.seq });
}
