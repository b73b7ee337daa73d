import 'server-only';
import type { CheckRunsResult } from '@/lib/contracts/items';
import type { CheckRun } from '@/lib/domain/checks';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { sql } from '@/lib/server/sql';

/**
 * An item's last runs (at most 20, newest first), for the step's run list. Whoever may read the
 * war room may read them; 404 when the item is not in this deployment or has no check.
 */
export async function listCheckRuns(
  actor: SignedInActor,
  deploymentId: string,
  itemId: string,
): Promise<CheckRunsResult> {
  await authorize(actor, 'deployment.read', deploymentId);
  const [row] = await sql<{ runs: unknown }>`
    SELECT c."runs" FROM "ItemCheck" c JOIN "ChecklistItem" i ON i."id" = c."itemId"
    WHERE c."itemId" = ${itemId} AND i."deploymentId" = ${deploymentId}`;
  if (!row) throw new AppError('not_found', 'This checklist item has no check.');
  const runs = (Array.isArray(row.runs) ? row.runs : []) as CheckRun[];
  return {
    runs: runs.map((run) => ({ at: run.at, ok: run.ok, output: run.output, durationMs: run.durationMs ?? null })),
  };
}
