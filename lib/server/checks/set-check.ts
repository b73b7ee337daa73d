import { randomBytes } from 'node:crypto';
import type { SetCheckResult } from '@/lib/contracts/items';
import type { CheckSpec } from '@/lib/domain/checks';
import { checkEvidenceWritable } from '@/lib/domain/evidence/proof';
import type { SetCheckInput } from '@/lib/schemas/check';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { hashToken } from '@/lib/server/auth/tokens';
import { actingRole, ensureAllowed, loadAccess } from '@/lib/server/deployments/load-access';
import { assertOutboundUrl } from '@/lib/server/egress';
import { AppError } from '@/lib/server/errors';
import { commitSql } from '@/lib/server/events/commit';
import { lockDeployment } from '@/lib/server/lifecycle/lifecycle-facts';
import { sql } from '@/lib/server/sql';
import { toCheckDto, type CheckRow } from './check-dto';

type ItemFacts = { title: string; phaseId: string; roleKey: string };

/** The item (404 if not in this deployment) and the actor's right to change its check. */
export async function authorizeCheck(actor: SignedInActor, deploymentId: string, itemId: string) {
  const [[item], access] = await Promise.all([
    sql<ItemFacts>`
      SELECT i."title", i."phaseId", r."key" AS "roleKey"
      FROM "ChecklistItem" i JOIN "Role" r ON r."id" = i."roleId"
      WHERE i."id" = ${itemId} AND i."deploymentId" = ${deploymentId}`,
    loadAccess(deploymentId, actor),
  ]);
  if (!item) throw new AppError('not_found', 'No such checklist item in this deployment.');
  ensureAllowed(actor, 'item.check', access, { itemRoleKey: item.roleKey });
  return { item, roleKey: actingRole(access.heldRoles, item.roleKey) };
}

export function specOf(input: SetCheckInput): CheckSpec {
  switch (input.kind) {
    case 'http':
      return {
        kind: 'http',
        url: input.url,
        method: input.method,
        expectStatus: input.expectStatus,
        expectBodyContains: input.expectBodyContains,
      };
    case 'prometheus':
      return { kind: 'prometheus', query: input.query, comparison: input.comparison, value: input.value };
    case 'ci':
      return { kind: 'ci' };
  }
}

/**
 * Puts a check on an item, replacing any it had (its runs start over). An HTTP target is judged
 * by the egress guard now (422 outbound_refused) and again at every connection. A ci check's
 * secret is answered once; only its hash is kept.
 */
export async function setCheck(
  actor: SignedInActor,
  deploymentId: string,
  itemId: string,
  input: SetCheckInput,
): Promise<SetCheckResult> {
  const { item, roleKey } = await authorizeCheck(actor, deploymentId, itemId);
  if (input.kind === 'http') assertOutboundUrl(input.url);
  const spec = specOf(input);
  const secret = spec.kind === 'ci' ? `wrci_${randomBytes(24).toString('base64url')}` : null;
  const { result } = await commitSql(async (inTx, append) => {
    const deployment = await lockDeployment(inTx, deploymentId);
    const writable = checkEvidenceWritable(deployment.state);
    if (!writable.ok) throw new AppError('illegal_transition', writable.message);
    const [row] = await inTx<CheckRow>`
      INSERT INTO "ItemCheck" ("itemId", "deploymentId", "kind", "spec", "intervalSec", "passesNeeded", "autoTick",
        "secretHash", "state", "streak", "runs", "lastRunAt", "nextRunAt")
      VALUES (${itemId}, ${deploymentId}, ${spec.kind}, ${JSON.stringify(spec)}::jsonb, ${input.intervalSec},
        ${input.passesNeeded}, ${input.autoTick}, ${secret ? hashToken(secret) : null}, 'waiting', 0, '[]'::jsonb, NULL, ${new Date()})
      ON CONFLICT ("itemId") DO UPDATE SET "kind" = EXCLUDED."kind", "spec" = EXCLUDED."spec",
        "intervalSec" = EXCLUDED."intervalSec", "passesNeeded" = EXCLUDED."passesNeeded", "autoTick" = EXCLUDED."autoTick",
        "secretHash" = EXCLUDED."secretHash", "state" = 'waiting', "streak" = 0, "runs" = '[]'::jsonb,
        "lastRunAt" = NULL, "nextRunAt" = EXCLUDED."nextRunAt"
      RETURNING *`;
    const check = toCheckDto(row);
    await append({
      deploymentId,
      type: 'item.check_set',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey,
      data: {
        itemId,
        title: item.title,
        phaseId: item.phaseId,
        itemRole: item.roleKey,
        description: check.description,
        check,
      },
    });
    return check;
  });
  return secret ? { check: result, secretUrl: `/api/checks/ci/${secret}` } : { check: result };
}

/** Takes an item's check off (404 when it has none). */
export async function removeCheck(actor: SignedInActor, deploymentId: string, itemId: string): Promise<void> {
  const { item, roleKey } = await authorizeCheck(actor, deploymentId, itemId);
  await commitSql(async (inTx, append) => {
    await lockDeployment(inTx, deploymentId);
    const removed = await inTx`DELETE FROM "ItemCheck" WHERE "itemId" = ${itemId} RETURNING "itemId"`;
    if (removed.length === 0) throw new AppError('not_found', 'This item has no check.');
    await append({
      deploymentId,
      type: 'item.check_removed',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey,
      data: { itemId, title: item.title, phaseId: item.phaseId, itemRole: item.roleKey },
    });
  });
}
