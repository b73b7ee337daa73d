import { EVIDENCE_EXCERPT_CHARS, EVIDENCE_PER_ITEM } from '@/lib/domain/evidence/proof';
import { prisma } from '@/lib/server/db';
import { toEvidenceDto, type EvidenceRow } from './evidence-dto';
import type { EvidenceByItem } from './item-dto';

/**
 * Every item's latest evidence for the war room's state, small: at most 20 per item, each text
 * cut to 2 KB in the database (the whole is behind its `href`). One statement with window
 * functions, which Prisma cannot express, hence `$queryRaw`.
 */
export async function loadEvidence(deploymentId: string): Promise<EvidenceByItem> {
  const rows = await prisma.$queryRaw<(EvidenceRow & { total: number })[]>`
    SELECT "id", "itemId", "text", "textLength", "url", "source", "match", "reason", "redactedCount", "redactedKinds",
      "byName", "at", "total"
    FROM (
      SELECT e."id", e."itemId", left(e."text", ${EVIDENCE_EXCERPT_CHARS}::int) AS "text",
        coalesce(char_length(e."text"), 0)::int AS "textLength", e."url", e."source"::text AS "source",
        e."match"::text AS "match", e."reason", e."redactedCount", e."redactedKinds", e."byName", e."at",
        (row_number() OVER (PARTITION BY e."itemId" ORDER BY e."at" DESC, e."eventSeq" DESC))::int AS "rank",
        (count(*) OVER (PARTITION BY e."itemId"))::int AS "total"
      FROM "Evidence" e WHERE e."deploymentId" = ${deploymentId}
    ) ranked
    WHERE "rank" <= ${EVIDENCE_PER_ITEM}::int
    ORDER BY "itemId", "rank"`;
  const byItem: EvidenceByItem = new Map();
  for (const row of rows) {
    const entry = byItem.get(row.itemId) ?? { latest: [], count: row.total };
    entry.latest.push(toEvidenceDto(deploymentId, row));
    byItem.set(row.itemId, entry);
  }
  return byItem;
}
