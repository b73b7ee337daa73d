import { randomUUID } from 'node:crypto';
import type { AttachEvidenceResult } from '@/lib/contracts/items';
import { compareWithExpected, type Comparison } from '@/lib/domain/evidence/expected-output';
import { checkEvidenceWritable, MAX_EVIDENCE_TEXT_BYTES, type EvidenceSource } from '@/lib/domain/evidence/proof';
import { redactSecrets } from '@/lib/domain/evidence/redact';
import type { AttachEvidenceInput } from '@/lib/schemas/item';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { actingRole, ensureAllowed, loadAccess } from '@/lib/server/deployments/load-access';
import { AppError, isAppError } from '@/lib/server/errors';
import { commitSql } from '@/lib/server/events/commit';
import { lockDeployment } from '@/lib/server/lifecycle/lifecycle-facts';
import { sql, type Sql } from '@/lib/server/sql';
import { toEvidenceDto } from './evidence-dto';
import { toItemDto } from './item-dto';
import { tickInTransaction, withRole, type ItemRowWithRole } from './tick-in-transaction';
import { staleItem } from './update-item';

export type ItemFacts = { status: string; roleKey: string; phaseId: string; expectedOutput: string | null };

const ONLY_A_LINK: Comparison = {
  match: 'unknown',
  reason: 'Only a link: nothing to compare with the expected output',
};

async function currentItem(inTx: Sql, itemId: string): Promise<ItemRowWithRole> {
  const [row] = await inTx<ItemRowWithRole>`
    SELECT i."id", i."phaseId", i."parentId", i."position", i."title", i."section", i."command", i."expectedOutput",
      i."status"::text AS "status", i."note", i."version", i."doneBeforeStart", i."updatedByName", i."updatedAt", r."key" AS "roleKey"
    FROM "ChecklistItem" i JOIN "Role" r ON r."id" = i."roleId" WHERE i."id" = ${itemId}`;
  return row;
}

/**
 * Attaches evidence to a checklist item: the pasted text has its secrets cut before anything is
 * stored or published, is compared with the item's expected output, and is recorded with its
 * event — with `status: "done"`, the tick and the evidence are that one event (`item.updated`
 * carrying `evidence`), else an `item.evidence` event. Whoever may tick the item may attach.
 */
export async function attachEvidence(
  actor: SignedInActor,
  deploymentId: string,
  itemId: string,
  input: AttachEvidenceInput,
  idempotencyKey?: string | null,
): Promise<AttachEvidenceResult & { replayed: boolean }> {
  const [[item], access] = await Promise.all([
    sql<ItemFacts>`
      SELECT i."status"::text AS "status", r."key" AS "roleKey", i."phaseId", i."expectedOutput"
      FROM "ChecklistItem" i JOIN "Role" r ON r."id" = i."roleId"
      WHERE i."id" = ${itemId} AND i."deploymentId" = ${deploymentId}`,
    loadAccess(deploymentId, actor),
  ]);
  if (!item) throw new AppError('not_found', 'No such checklist item in this deployment.');
  ensureAllowed(actor, 'item.update', access, { itemRoleKey: item.roleKey });

  const raw = input.text ?? '';
  if (Buffer.byteLength(raw, 'utf8') > MAX_EVIDENCE_TEXT_BYTES)
    throw new AppError(
      'payload_too_large',
      `Pasted output is at most ${MAX_EVIDENCE_TEXT_BYTES / 1024} KB: paste the part that shows the result, or link to the whole log.`,
    );
  const hasText = raw.trim().length > 0;
  const url = input.url || null;
  if (!hasText && !url)
    throw new AppError('evidence_required', 'Paste the output or give a link: evidence needs at least one of them.');

  return recordEvidence({
    deploymentId,
    itemId,
    item,
    actor,
    roleKey: actingRole(access.heldRoles, item.roleKey),
    text: raw,
    url,
    source: input.source,
    status: input.status,
    version: input.version ?? null,
    idempotencyKey,
  });
}

/**
 * The write behind every piece of evidence — a person's, a CI job's, a check's: cut secrets,
 * compare (unless the caller judged it: a check's verdict is its own), and commit the evidence
 * with its one event (the tick too, with `status`). Callers have authorized already.
 */
export async function recordEvidence(args: {
  deploymentId: string;
  itemId: string;
  item: ItemFacts;
  actor: SignedInActor;
  roleKey: string | null;
  text: string;
  url: string | null;
  source: EvidenceSource;
  status?: 'done';
  version: number | null;
  verdict?: Comparison;
  idempotencyKey?: string | null;
}): Promise<AttachEvidenceResult & { replayed: boolean }> {
  const { deploymentId, itemId, item, actor, roleKey, url, idempotencyKey } = args;
  const input = { status: args.status, source: args.source, version: args.version };
  const raw = args.text;
  const hasText = raw.trim().length > 0;
  // Cut before anything else sees it: the comparison, the row, the event and every screen.
  const redaction = hasText ? redactSecrets(raw) : null;
  const text = redaction?.text ?? null;
  const comparison = args.verdict ?? (text === null ? ONLY_A_LINK : compareWithExpected(item.expectedOutput, text));
  const id = randomUUID();
  const at = new Date();

  const { result, replayed } = await commitSql(
    async (inTx, append) => {
      let row: ItemRowWithRole;
      if (input.status) {
        row = (
          await tickInTransaction(inTx, {
            deploymentId,
            itemId,
            phaseId: item.phaseId,
            status: input.status,
            version: input.version,
            actor,
          })
        ).changed;
      } else {
        const deployment = await lockDeployment(inTx, deploymentId);
        const writable = checkEvidenceWritable(deployment.state);
        if (!writable.ok) throw new AppError('illegal_transition', writable.message);
        row = await currentItem(inTx, itemId);
      }
      const evidence = toEvidenceDto(deploymentId, {
        id,
        itemId,
        text,
        url,
        source: input.source,
        match: comparison.match,
        reason: comparison.reason,
        redactedCount: redaction?.count ?? 0,
        redactedKinds: redaction?.kinds ?? [],
        byName: actor.name,
        at,
      });
      const common = { itemId, title: row.title, phaseId: row.phaseId, itemRole: row.roleKey, evidence };
      const event = await append({
        deploymentId,
        type: input.status ? 'item.updated' : 'item.evidence',
        actorId: actor.userId,
        actorName: actor.name,
        roleKey,
        data: input.status
          ? { ...common, status: row.status, from: item.status, note: row.note, version: row.version }
          : common,
      });
      await inTx`
        INSERT INTO "Evidence" ("id", "deploymentId", "itemId", "text", "url", "source", "match", "reason",
          "expectedOutput", "redactedCount", "redactedKinds", "byId", "byName", "at", "eventSeq")
        VALUES (${id}, ${deploymentId}, ${itemId}, ${text}, ${url}, ${input.source}::"EvidenceSource",
          ${comparison.match}::"EvidenceMatch", ${comparison.reason}, ${item.expectedOutput}, ${redaction?.count ?? 0},
          ${redaction?.kinds ?? []}::text[], ${actor.userId}, ${actor.name}, ${at}, ${event.seq})`;
      return { evidence, item: toItemDto(withRole(row)), seq: event.seq };
    },
    idempotencyKey ? { userId: actor.userId, key: idempotencyKey, scope: `evidence:${itemId}` } : null,
  ).catch(async (error: unknown) => {
    throw isAppError(error) && error.code === 'stale_version' ? await staleItem(itemId) : error;
  });
  return { ...result, replayed };
}
