import type { ItemDto } from '@/lib/contracts/items';
import { checkItemChange, STATUS_LABEL } from '@/lib/domain/items';
import type { UpdateItemInput } from '@/lib/schemas/item';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { actingRole, ensureAllowed, loadAccess } from '@/lib/server/deployments/load-access';
import { AppError, isAppError } from '@/lib/server/errors';
import { commitSql } from '@/lib/server/events/commit';
import { sql } from '@/lib/server/sql';
import { itemSelect, toItemDto } from './item-dto';
import { tickInTransaction, withRole } from './tick-in-transaction';

export type UpdateItemResult = { item: ItemDto; seq: number };

/** The 409 for a tick at an old version: who changed the item first, and its state now. */
export async function staleItem(itemId: string): Promise<AppError> {
  const current = await prisma.checklistItem.findUniqueOrThrow({ where: { id: itemId }, select: itemSelect });
  return new AppError(
    'stale_version',
    `Someone else changed “${current.title}” first (now ${STATUS_LABEL[current.status].toLowerCase()}${current.updatedByName ? ` by ${current.updatedByName}` : ''}). Review and try again.`,
    { item: toItemDto(current) },
  );
}

/** Ticks, blocks, skips or re-opens one checklist item, at the version the client read. */
export async function updateItem(
  actor: SignedInActor,
  deploymentId: string,
  itemId: string,
  input: UpdateItemInput,
  idempotencyKey?: string | null,
): Promise<UpdateItemResult & { replayed: boolean }> {
  const [[item], access] = await Promise.all([
    sql<{ status: string; roleKey: string; phaseId: string }>`
      SELECT i."status"::text AS "status", r."key" AS "roleKey", i."phaseId"
      FROM "ChecklistItem" i JOIN "Role" r ON r."id" = i."roleId"
      WHERE i."id" = ${itemId} AND i."deploymentId" = ${deploymentId}`,
    loadAccess(deploymentId, actor),
  ]);
  if (!item) throw new AppError('not_found', 'No such checklist item in this deployment.');
  ensureAllowed(actor, 'item.update', access, { itemRoleKey: item.roleKey });
  const check = checkItemChange(input.status, input.note);
  if (!check.ok) throw new AppError(check.code, check.message);

  const note = input.note?.trim() || null;
  const roleKey = actingRole(access.heldRoles, item.roleKey);
  // The tick is the hottest write of a go-live: plain SQL all the way (lib/server/sql.ts), one
  // statement changing the row at the version the client read and returning it.
  const { result, replayed } = await commitSql(
    async (inTx, append) => {
      const { changed } = await tickInTransaction(inTx, {
        deploymentId,
        itemId,
        phaseId: item.phaseId,
        status: input.status,
        note,
        version: input.version,
        actor,
      });
      const updated = withRole(changed);
      const event = await append({
        deploymentId,
        type: 'item.updated',
        actorId: actor.userId,
        actorName: actor.name,
        roleKey,
        data: {
          itemId,
          title: updated.title,
          status: updated.status,
          from: item.status,
          note,
          version: updated.version,
          phaseId: updated.phaseId,
          itemRole: updated.role.key,
        },
      });
      return { item: toItemDto(updated), seq: event.seq };
    },
    idempotencyKey ? { userId: actor.userId, key: idempotencyKey, scope: `item:${itemId}` } : null,
  ).catch(async (error: unknown) => {
    throw isAppError(error) && error.code === 'stale_version' ? await staleItem(itemId) : error;
  });
  return { ...result, replayed };
}
