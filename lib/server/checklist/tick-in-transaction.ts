import { checkItemWritable, type ItemStatus } from '@/lib/domain/items';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { AppError } from '@/lib/server/errors';
import { lockDeployment, type LockedDeployment } from '@/lib/server/lifecycle/lifecycle-facts';
import type { Sql } from '@/lib/server/sql';
import type { ItemRow } from './item-dto';

/** An item row as plain SQL returns it: the role's key in a column, not a relation. */
export type ItemRowWithRole = Omit<ItemRow, 'role'> & { roleKey: string };

/** The `{ role: { key } }` shape `toItemDto` reads. */
export const withRole = (row: ItemRowWithRole) => ({ ...row, role: { key: row.roleKey } });

/**
 * Inside a tick's transaction: lock the deployment row (phase completions and state changes take
 * it too, so a tick either lands before them or is refused), check the item may still change, and
 * change it — at `version` when the client said which it read (else `stale_version`, told in full
 * by the caller outside the transaction), or at whatever version it has (automation). `note`
 * undefined keeps the item's note. Plain SQL: the tick is the hottest write (lib/server/sql.ts).
 */
export async function tickInTransaction(
  inTx: Sql,
  args: {
    deploymentId: string;
    itemId: string;
    phaseId: string;
    status: ItemStatus;
    note?: string | null;
    version: number | null;
    actor: SignedInActor;
  },
): Promise<{ deployment: LockedDeployment; changed: ItemRowWithRole }> {
  const deployment = await lockDeployment(inTx, args.deploymentId);
  const [phase] = await inTx<{ title: string; status: string }>`
    SELECT "title", "status"::text AS "status" FROM "Phase" WHERE "id" = ${args.phaseId}`;
  const writable = checkItemWritable(deployment.state, phase);
  if (!writable.ok) throw new AppError('illegal_transition', writable.message, { refusal: writable.refusal });
  const keepNote = args.note === undefined;
  const [changed] = await inTx<ItemRowWithRole>`
    UPDATE "ChecklistItem" i
    SET "status" = ${args.status}::"ItemStatus",
        "note" = CASE WHEN ${keepNote}::boolean THEN i."note" ELSE ${args.note ?? null} END,
        "version" = i."version" + 1,
        "updatedById" = ${args.actor.userId}, "updatedByName" = ${args.actor.name}, "updatedAt" = ${new Date()}
    FROM "Role" r
    WHERE i."id" = ${args.itemId} AND (${args.version}::int IS NULL OR i."version" = ${args.version}::int) AND r."id" = i."roleId"
    RETURNING i."id", i."phaseId", i."parentId", i."position", i."title", i."section", i."command", i."expectedOutput",
      i."status"::text AS "status", i."note", i."version", i."doneBeforeStart", i."updatedByName", i."updatedAt", r."key" AS "roleKey"`;
  if (!changed) throw new AppError('stale_version', 'stale');
  return { deployment, changed };
}
