import type { CheckDto } from '@/lib/contracts/items';
import { keepRuns, nextProgress, type CheckProgress, type CheckRun, type CheckState } from '@/lib/domain/checks';
import type { EvidenceSource } from '@/lib/domain/evidence/proof';
import { publishCheck } from '@/lib/realtime/server/publish';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { recordEvidence, type ItemFacts } from '@/lib/server/checklist/attach-evidence';
import { sql } from '@/lib/server/sql';
import { toCheckDto, type CheckRow } from './check-dto';

/** A check row with what its runs decide about the item. */
export type CheckWithItem = CheckRow & {
  itemStatus: string;
  title: string;
  phaseId: string;
  expectedOutput: string | null;
  roleKey: string;
};

/** Who ticks when a check or a CI job proves a step: no person, so no user row. */
export const CHECK_ACTOR: SignedInActor = { userId: 'check', isAdmin: false, name: 'check', email: null, token: null };
export const CI_ACTOR: SignedInActor = { userId: 'ci', isAdmin: false, name: 'CI', email: null, token: null };

const OPEN_STATUSES = ['pending', 'in_progress'];

/**
 * Records one run on the check (last 20 kept), tells the room when its state moved, and turns
 * the moves into evidence: reaching "passing" ticks an open item (autoTick) or proves a done one;
 * turning "failing" on a done item raises a mismatch — a check never unticks what a person ticked.
 * The check's spec must still be the one that ran (a replaced check starts over).
 */
export async function recordRun(
  row: CheckWithItem,
  run: CheckRun,
  options: { actor: SignedInActor; source: EvidenceSource; description: string; evidenceText?: string },
): Promise<{ check: CheckDto | null; evidence: Awaited<ReturnType<typeof recordEvidence>> | null }> {
  const previous: CheckProgress = { state: row.state as CheckState, streak: row.streak };
  const progress = nextProgress(previous, run.ok, row.passesNeeded);
  const runs = keepRuns((Array.isArray(row.runs) ? row.runs : []) as CheckRun[], run);
  const [updated] = await sql<CheckRow>`
    UPDATE "ItemCheck" SET "state" = ${progress.state}, "streak" = ${progress.streak},
      "runs" = ${JSON.stringify(runs)}::jsonb, "lastRunAt" = ${new Date(run.at)}
    WHERE "itemId" = ${row.itemId} AND "spec" = ${JSON.stringify(row.spec)}::jsonb
    RETURNING *`;
  if (!updated) return { check: null, evidence: null };
  const check = toCheckDto(updated);
  if (progress.state !== previous.state || progress.streak !== previous.streak) publishCheck(row.deploymentId, check);

  const item: ItemFacts = {
    status: row.itemStatus,
    roleKey: row.roleKey,
    phaseId: row.phaseId,
    expectedOutput: row.expectedOutput,
  };
  const base = {
    deploymentId: row.deploymentId,
    itemId: row.itemId,
    item,
    actor: options.actor,
    roleKey: row.roleKey,
    text: options.evidenceText ?? run.output,
    url: null,
    source: options.source,
    version: null,
  };
  let evidence = null;
  if (progress.justPassed && row.autoTick && OPEN_STATUSES.includes(row.itemStatus)) {
    evidence = await recordEvidence({
      ...base,
      status: 'done',
      verdict: { match: 'match', reason: `Check passed: ${options.description}` },
    });
  } else if (progress.justPassed && row.itemStatus === 'done') {
    evidence = await recordEvidence({
      ...base,
      verdict: { match: 'match', reason: `Check passed: ${options.description}` },
    });
  } else if (progress.justFailed && row.itemStatus === 'done') {
    evidence = await recordEvidence({
      ...base,
      verdict: { match: 'mismatch', reason: `Check failing: ${options.description}` },
    });
  }
  return { check, evidence };
}
