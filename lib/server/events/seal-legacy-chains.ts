import { sql } from '@/lib/server/sql';
import { auditKey, hmacHex } from './audit-key';

/** The keyed seal over a deployment's pre-key chain: its id, how far it reaches, and its head. */
export function legacySeal(key: Buffer, deploymentId: string, legacyChainSeq: number, headHash: string): string {
  return hmacHex(key, JSON.stringify(['legacy-chain', deploymentId, legacyChainSeq, headHash]));
}

/**
 * Events written before the chain was keyed were hashed with plain SHA-256, which anyone with the
 * database can recompute. The migration that keyed the chain marked how far each deployment's
 * plain part reaches (`legacyChainSeq`); at start the server seals that part with the key, once.
 * From then on the plain part cannot be rewritten, extended or claimed by a newer deployment
 * without `audit:verify` noticing. Returns the seals written, for the log (an outside record:
 * a seal written again later means someone cleared it).
 */
export async function sealLegacyChains(
  key: Buffer = auditKey(),
): Promise<{ deploymentId: string; legacyChainSeq: number }[]> {
  const rows = await sql<{ id: string; legacyChainSeq: number; hash: string | null }>`
    SELECT d."id", d."legacyChainSeq", e."hash"
    FROM "Deployment" d LEFT JOIN "Event" e ON e."deploymentId" = d."id" AND e."seq" = d."legacyChainSeq"
    WHERE d."legacyChainSeq" > 0 AND d."legacySeal" IS NULL`;
  for (const row of rows) {
    await sql`
      UPDATE "Deployment" SET "legacySeal" = ${legacySeal(key, row.id, row.legacyChainSeq, row.hash ?? '')}
      WHERE "id" = ${row.id} AND "legacySeal" IS NULL`;
  }
  return rows.map((row) => ({ deploymentId: row.id, legacyChainSeq: row.legacyChainSeq }));
}
