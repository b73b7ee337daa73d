import type { CiCallbackResult } from '@/lib/contracts/items';
import { MAX_EVIDENCE_TEXT_BYTES } from '@/lib/domain/evidence/proof';
import { hashToken } from '@/lib/server/auth/tokens';
import { recordEvidence } from '@/lib/server/checklist/attach-evidence';
import { AppError } from '@/lib/server/errors';
import { sql } from '@/lib/server/sql';
import { CI_ACTOR, recordRun, type CheckWithItem } from './record-run';

const SECRET = /^wrci_[A-Za-z0-9_-]{20,64}$/;

/**
 * A CI job (or an Argo CD notification) says the step passed: the secret URL names the item's ci
 * check (only its hash is stored). The body, a log excerpt, is the evidence (secrets cut as for
 * any evidence). An open item is ticked by it in one event (autoTick); a done one gets the proof.
 */
export async function ciCallback(secret: string, text: string): Promise<CiCallbackResult> {
  if (!SECRET.test(secret)) throw new AppError('not_found', 'No check answers to this URL.');
  if (Buffer.byteLength(text, 'utf8') > MAX_EVIDENCE_TEXT_BYTES)
    throw new AppError('payload_too_large', `A log excerpt is at most ${MAX_EVIDENCE_TEXT_BYTES / 1024} KB.`);
  const [row] = await sql<CheckWithItem>`
    SELECT c.*, i."status"::text AS "itemStatus", i."title", i."phaseId", i."expectedOutput", r."key" AS "roleKey"
    FROM "ItemCheck" c JOIN "ChecklistItem" i ON i."id" = c."itemId" JOIN "Role" r ON r."id" = i."roleId"
    WHERE c."secretHash" = ${hashToken(secret)} AND c."kind" = 'ci'`;
  if (!row) throw new AppError('not_found', 'No check answers to this URL.');
  const output = text.trim() || 'CI reported a pass.';
  // A ci check is one pass, whatever passesNeeded says: the job ran its own checks.
  const { evidence } = await recordRun(
    { ...row, passesNeeded: 1, state: 'waiting', streak: 0 },
    { at: new Date().toISOString(), ok: true, output: output.slice(0, 2000) },
    { actor: CI_ACTOR, source: 'ci', description: 'CI job passed', evidenceText: output },
  );
  if (evidence) return { evidence: evidence.evidence, item: evidence.item, seq: evidence.seq };
  // Not ticked (autoTick off, or blocked / skipped): the pass is still proof on the item.
  const recorded = await recordEvidence({
    deploymentId: row.deploymentId,
    itemId: row.itemId,
    item: { status: row.itemStatus, roleKey: row.roleKey, phaseId: row.phaseId, expectedOutput: row.expectedOutput },
    actor: CI_ACTOR,
    roleKey: row.roleKey,
    text: output,
    url: null,
    source: 'ci',
    version: null,
    verdict: { match: 'match', reason: 'CI job passed' },
  });
  return { evidence: recorded.evidence, item: recorded.item, seq: recorded.seq };
}
