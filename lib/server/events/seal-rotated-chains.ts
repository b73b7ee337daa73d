import { sql } from '@/lib/server/sql';
import { hashEvent, type EventRow } from './append-event';
import { auditKey, auditKeyId, hmacHex } from './audit-key';
import { legacySeal } from './seal-legacy-chains';

/** The seal over a deployment's head made with a key that did not hash it: id, seq and head. */
export function rotationSeal(key: Buffer, deploymentId: string, seq: number, headHash: string): string {
  return hmacHex(key, JSON.stringify(['rotation-seal', deploymentId, seq, headHash]));
}

/** A deployment's newest event, with what tells which key made it. */
type HeadRow = EventRow & {
  id: string;
  legacyChainSeq: number;
  legacySeal: string | null;
  prevHash: string;
  hash: string;
  keyId: string | null;
};

/** Whether the head was hashed (or, for a plain part, sealed) with this key before events named their key. */
function madeWith(key: Buffer, head: HeadRow): boolean {
  if (head.seq <= head.legacyChainSeq) return head.legacySeal === legacySeal(key, head.id, head.seq, head.hash);
  return hashEvent(head, head.prevHash, key) === head.hash;
}

/**
 * After the audit key changes (AUDIT_KEY rotation), whoever holds an old key could rewrite the
 * part of a chain it hashed and recompute it. A deployment that writes on is protected by its
 * next event, hashed with the new key over the old head; one that has finished writes nothing
 * more, so at start the server seals the head of every chain the current key did not make
 * (`ChainSeal`, append-only; again at a later start if a process still on the old key wrote
 * meanwhile), and `audit:verify` checks the seals. Returns the seals
 * written, for the log (an outside record, like the legacy seals').
 */
export async function sealRotatedChains(key: Buffer = auditKey()): Promise<{ deploymentId: string; seq: number }[]> {
  const keyId = auditKeyId(key);
  const heads = await sql<HeadRow>`
    SELECT d."id", d."legacyChainSeq", d."legacySeal", e."deploymentId", e."seq", e."type", e."at", e."actorId",
           e."actorName", e."roleKey", e."payload", e."prevHash", e."hash", e."keyId"
    FROM "Deployment" d JOIN "Event" e ON e."deploymentId" = d."id" AND e."seq" = d."seq"
    WHERE (e."keyId" IS NULL OR e."keyId" <> ${keyId})
      AND NOT EXISTS (
        SELECT 1 FROM "ChainSeal" s WHERE s."deploymentId" = d."id" AND s."keyId" = ${keyId} AND s."seq" = d."seq")`;
  const sealed: { deploymentId: string; seq: number }[] = [];
  for (const head of heads) {
    // Events from before keys had ids name none: those this key made need no seal.
    if (head.keyId === null && madeWith(key, head)) continue;
    const written = await sql`
      INSERT INTO "ChainSeal" ("deploymentId", "keyId", "seq", "headHash", "seal")
      VALUES (${head.id}, ${keyId}, ${head.seq}, ${head.hash}, ${rotationSeal(key, head.id, head.seq, head.hash)})
      ON CONFLICT ("deploymentId", "keyId", "seq") DO NOTHING
      RETURNING "id"`;
    if (written.length > 0) sealed.push({ deploymentId: head.id, seq: head.seq });
  }
  return sealed;
}
