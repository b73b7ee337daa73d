import 'server-only';
import type { ItemDto } from '@/lib/contracts/items';
import type { ReassignItemInput, ReassignSectionInput } from '@/lib/schemas/item';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { actingRole, ensureAllowed, loadAccess, type Access } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';
import { ensureNotFinished } from '@/lib/server/lifecycle/lifecycle-facts';
import { itemSelect, toItemDto } from './item-dto';

/**
 * The IC moves a step — or every step of a section — to another role while the war room runs.
 * Each move is an event (item.reassigned / section.reassigned), so both roles' views update live
 * and the timeline says who moved what from whom.
 */

async function prepare(
  actor: SignedInActor,
  deploymentId: string,
  roleKey: string,
): Promise<{ access: Access; role: { id: string; key: string; name: string } }> {
  const access = await loadAccess(deploymentId, actor);
  ensureAllowed(actor, 'item.reassign', access);
  ensureNotFinished(access.deployment, 'its checklist can no longer change.');
  const role = await prisma.role.findUnique({
    where: { deploymentId_key: { deploymentId, key: roleKey } },
    select: { id: true, key: true, name: true, readOnly: true },
  });
  if (!role) {
    const known = await prisma.role.findMany({
      where: { deploymentId, readOnly: false },
      select: { key: true },
      orderBy: { position: 'asc' },
    });
    throw new AppError(
      'unknown_role',
      `This deployment has no role “${roleKey}”. Its roles: ${known.map((r) => r.key).join(', ')}.`,
      { roles: known.map((r) => r.key) },
    );
  }
  // A read-only role (stakeholders) could never tick the step.
  if (role.readOnly) throw new AppError('unknown_role', `${role.name} is a read-only role and cannot own steps.`);
  return { access, role };
}

export async function reassignItem(
  actor: SignedInActor,
  deploymentId: string,
  itemId: string,
  input: ReassignItemInput,
): Promise<{ item: ItemDto; seq: number }> {
  const current = await prisma.checklistItem.findFirst({ where: { id: itemId, deploymentId }, select: itemSelect });
  if (!current) throw new AppError('not_found', 'No such checklist item in this deployment.');
  const { access, role } = await prepare(actor, deploymentId, input.roleKey);
  const stale = () =>
    new AppError('stale_version', `Someone else changed “${current.title}” first. Review and try again.`, {
      item: toItemDto(current),
    });
  if (current.version !== input.version) throw stale();
  if (current.role.key === role.key) return { item: toItemDto(current), seq: access.deployment.seq };

  const from = await prisma.role.findUniqueOrThrow({
    where: { deploymentId_key: { deploymentId, key: current.role.key } },
    select: { name: true },
  });
  const { result } = await commit(async (tx, append) => {
    const changed = await tx.checklistItem.updateMany({
      where: { id: itemId, version: input.version },
      data: {
        roleId: role.id,
        version: { increment: 1 },
        updatedById: actor.userId,
        updatedByName: actor.name,
        updatedAt: new Date(),
      },
    });
    if (changed.count === 0) throw new AppError('stale_version', 'stale');
    const item = toItemDto(await tx.checklistItem.findUniqueOrThrow({ where: { id: itemId }, select: itemSelect }));
    const event = await append({
      deploymentId,
      type: 'item.reassigned',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey: actingRole(access.heldRoles),
      data: {
        itemId,
        title: item.title,
        phaseId: item.phaseId,
        section: item.section,
        from: current.role.key,
        fromName: from.name,
        to: role.key,
        toName: role.name,
        version: item.version,
      },
    });
    return { item, seq: event.seq };
  }).catch(async (error: unknown) => {
    if (error instanceof AppError && error.code === 'stale_version') {
      const now = await prisma.checklistItem.findUniqueOrThrow({ where: { id: itemId }, select: itemSelect });
      throw new AppError('stale_version', `Someone else changed “${now.title}” first. Review and try again.`, {
        item: toItemDto(now),
      });
    }
    throw error;
  });
  return result;
}

/** Every step of one section of a phase (sub-steps included), or only those a given role holds. */
export async function reassignSection(
  actor: SignedInActor,
  deploymentId: string,
  input: ReassignSectionInput,
): Promise<{ moved: number; seq: number }> {
  const phase = await prisma.phase.findFirst({
    where: { id: input.phaseId, deploymentId },
    select: { id: true, title: true },
  });
  if (!phase) throw new AppError('not_found', 'No such phase in this deployment.');
  const { access, role } = await prepare(actor, deploymentId, input.roleKey);
  const where = {
    deploymentId,
    phaseId: phase.id,
    section: input.section,
    roleId: { not: role.id },
    ...(input.fromRoleKey ? { role: { key: input.fromRoleKey } } : {}),
  };
  const { result } = await commit(async (tx, append) => {
    const items = await tx.checklistItem.findMany({ where, select: { id: true }, orderBy: { position: 'asc' } });
    if (!items.length) return { moved: 0, seq: access.deployment.seq };
    await tx.checklistItem.updateMany({
      where: { id: { in: items.map((i) => i.id) } },
      data: {
        roleId: role.id,
        version: { increment: 1 },
        updatedById: actor.userId,
        updatedByName: actor.name,
        updatedAt: new Date(),
      },
    });
    const event = await append({
      deploymentId,
      type: 'section.reassigned',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey: actingRole(access.heldRoles),
      data: {
        phaseId: phase.id,
        phaseTitle: phase.title,
        section: input.section,
        to: role.key,
        toName: role.name,
        count: items.length,
        itemIds: items.map((i) => i.id),
      },
    });
    return { moved: items.length, seq: event.seq };
  });
  return result;
}
