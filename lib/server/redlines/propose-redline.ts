import 'server-only';
import type { RedlineDto } from '@/lib/contracts/redlines';
import { isEmptyPatch, type RedlineTarget } from '@/lib/domain/redlines';
import type { ProposeRedlineInput } from '@/lib/schemas/redline';
import { ADMIN_TOKEN_USER_ID, type SignedInActor } from '@/lib/server/auth/get-actor';
import { actingRole, ensureAllowed, loadAccess } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';
import { sql } from '@/lib/server/sql';
import { REDLINE_SELECT, toRedlineDto } from './redline-dto';

type StepRow = { id: string; title: string; roleKey: string; phaseIndex: number; phaseTitle: string; path: number[] };

/** The step and where it stands in the run: its phase's index and the positions down to it. */
async function stepOf(deploymentId: string, itemId: string): Promise<StepRow | null> {
  const [row] = await sql<StepRow>`
    WITH RECURSIVE up AS (
      SELECT i."id", i."parentId", ARRAY[i."position"] AS "path" FROM "ChecklistItem" i
      WHERE i."id" = ${itemId} AND i."deploymentId" = ${deploymentId}
      UNION ALL
      SELECT p."id", p."parentId", p."position" || up."path" FROM "ChecklistItem" p JOIN up ON p."id" = up."parentId"
    )
    SELECT i."id", i."title", r."key" AS "roleKey", ph."position" AS "phaseIndex", ph."title" AS "phaseTitle",
      (SELECT up."path" FROM up WHERE up."parentId" IS NULL) AS "path"
    FROM "ChecklistItem" i JOIN "Role" r ON r."id" = i."roleId" JOIN "Phase" ph ON ph."id" = i."phaseId"
    WHERE i."id" = ${itemId} AND i."deploymentId" = ${deploymentId}`;
  return row ?? null;
}

/**
 * `POST /api/deployments/:id/redlines`: proposes a change to the template this run was made from.
 * The step's role or the IC may (a role holder only on steps of their role). Recorded as a timeline
 * event and stored for the template's owners to review; the running deployment does not change.
 */
export async function proposeRedline(
  actor: SignedInActor,
  deploymentId: string,
  input: ProposeRedlineInput,
): Promise<RedlineDto> {
  const access = await loadAccess(deploymentId, actor);
  const stepId = input.kind === 'add' ? (input.after ?? input.itemId) : input.itemId;
  if (!stepId) {
    ensureAllowed(actor, 'redline.propose', access);
    throw new AppError(
      'invalid_body',
      input.kind === 'add' ? 'Say which step the new one follows ("after").' : 'Say which step to change ("itemId").',
    );
  }
  const step = await stepOf(deploymentId, stepId);
  if (!step) {
    ensureAllowed(actor, 'redline.propose', access);
    throw new AppError('not_found', 'No such checklist item in this deployment.');
  }
  ensureAllowed(actor, 'redline.propose', access, { itemRoleKey: step.roleKey });
  const reason = input.reason.trim();
  if (!reason) throw new AppError('reason_required', 'Say why the runbook should change: the reviewer reads it.');
  if (input.kind !== 'remove' && isEmptyPatch(input.patch))
    throw new AppError('invalid_body', 'Say what to change: a title, command, expected output or planned duration.');
  if (input.kind === 'add' && !input.patch.title) throw new AppError('invalid_body', 'A new step needs a title.');

  const [pin] = await sql<{ templateId: string | null; templateVersion: number | null }>`
    SELECT "templateId", "templateVersion" FROM "Deployment" WHERE "id" = ${deploymentId}`;
  if (!pin?.templateId)
    throw new AppError('conflict', 'This deployment was not made from a template: there is no runbook to change.');

  const target: RedlineTarget = {
    phaseIndex: step.phaseIndex,
    path: step.path,
    title: step.title,
    roleKey: step.roleKey,
    phaseTitle: step.phaseTitle,
  };
  const patch = input.kind === 'remove' ? {} : input.patch;
  const person =
    actor.userId === ADMIN_TOKEN_USER_ID ? { id: null, name: 'Admin' } : { id: actor.userId, name: actor.name };
  const { result } = await commit(async (tx, append) => {
    const row = await tx.redline.create({
      data: {
        deploymentId,
        templateId: pin.templateId!,
        templateVersion: pin.templateVersion ?? 1,
        itemId: step.id,
        target,
        kind: input.kind,
        patch,
        reason: reason.slice(0, 2000),
        proposerId: person.id,
        proposerName: person.name,
      },
      select: REDLINE_SELECT,
    });
    await append({
      deploymentId,
      type: 'redline.proposed',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey: actingRole(access.heldRoles, step.roleKey),
      data: { redlineId: row.id, kind: input.kind, itemId: step.id, title: step.title, patch, reason },
    });
    return toRedlineDto(row);
  });
  return result;
}
