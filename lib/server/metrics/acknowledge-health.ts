/**
 * `POST /api/deployments/:id/health/acknowledge`: the IC says "I have seen it" about level 2
 * (prepare rollback) or 3 (roll back now). The acknowledgement is an event — who saw what, when —
 * and silences the banner's request until health rises above the acknowledged level.
 */

import 'server-only';
import { checkAcknowledge } from '@/lib/domain/metrics/acknowledgement';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';

export type AcknowledgeResult = { level: number; acknowledgedLevel: number; seq: number | null };

export async function acknowledgeHealth(
  actor: SignedInActor,
  deploymentId: string,
  input: { level?: 2 | 3 },
): Promise<AcknowledgeResult> {
  const access = await authorize(actor, 'health.acknowledge', deploymentId);
  const { result } = await commit(async (tx, append) => {
    // Locked like the evaluator does, so the level cannot move between the check and the write.
    const [row] = await tx.$queryRaw<{ healthLevel: number; healthAckLevel: number; healthReasons: string[] }[]>`
      SELECT "healthLevel", "healthAckLevel", "healthReasons" FROM "Deployment" WHERE "id" = ${deploymentId} FOR UPDATE`;
    const check = checkAcknowledge(row.healthLevel, row.healthAckLevel, input.level);
    if (!check.ok)
      throw new AppError(check.code, check.message, {
        health: { level: row.healthLevel, acknowledgedLevel: row.healthAckLevel },
      });
    if (check.alreadyAcknowledged) return { level: row.healthLevel, acknowledgedLevel: row.healthAckLevel, seq: null };
    await tx.deployment.update({ where: { id: deploymentId }, data: { healthAckLevel: row.healthLevel } });
    const event = await append({
      deploymentId,
      type: 'health.acknowledged',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey: actingRole(access.heldRoles),
      data: { level: row.healthLevel, reasons: row.healthReasons },
    });
    return { level: row.healthLevel, acknowledgedLevel: row.healthLevel, seq: event.seq };
  });
  return result;
}
