import type { EvidenceDto } from '@/lib/contracts/items';
import type { EvidenceMatch } from '@/lib/domain/evidence/expected-output';
import { excerpt, type EvidenceSource } from '@/lib/domain/evidence/proof';
import type { RedactionKind } from '@/lib/domain/evidence/redact';

export type EvidenceRow = {
  id: string;
  itemId: string;
  /** The whole text, or (read for the war room's state) its first 2 KB with `textLength` the whole's. */
  text: string | null;
  textLength?: number;
  url: string | null;
  source: string;
  match: string;
  reason: string;
  redactedCount: number;
  redactedKinds: string[];
  byName: string | null;
  at: Date;
};

export const evidenceHref = (deploymentId: string, itemId: string, evidenceId: string) =>
  `/api/deployments/${deploymentId}/items/${itemId}/evidence/${evidenceId}`;

/** A row as the wire carries it: the text cut to 2 KB unless `whole` (the single-evidence GET). */
export function toEvidenceDto(deploymentId: string, row: EvidenceRow, whole = false): EvidenceDto {
  const length = row.textLength ?? row.text?.length ?? 0;
  const cut = row.text === null ? null : whole ? { text: row.text, truncated: false } : excerpt(row.text);
  return {
    id: row.id,
    itemId: row.itemId,
    match: row.match as EvidenceMatch,
    reason: row.reason,
    redacted: row.redactedCount,
    redactedKinds: row.redactedKinds as RedactionKind[],
    source: row.source as EvidenceSource,
    url: row.url,
    text: cut?.text ?? null,
    textTruncated: Boolean(cut?.truncated) || (!whole && (cut?.text.length ?? 0) < length),
    textLength: length,
    href: evidenceHref(deploymentId, row.itemId, row.id),
    at: row.at.toISOString(),
    by: row.byName,
  };
}
