import 'server-only';
import type { AcceptedRedlines, RedlineDto } from '@/lib/contracts/redlines';
import { acceptSummary, applyRedlines, type RedlinePatch, type RedlineTarget } from '@/lib/domain/redlines';
import type { RedlineStatus } from '@/lib/domain/redlines';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { ADMIN_TOKEN_USER_ID } from '@/lib/server/auth/get-actor';
import { prisma, type Tx } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { ensureManage, loadTemplate } from '@/lib/server/templates/load-template';
import { definitionOf } from '@/lib/server/templates/template-dto';
import { saveTemplateVersion } from '@/lib/server/templates/versions';
import { REDLINE_SELECT, toRedlineDto } from './redline-dto';

/**
 * Reviewing redlines: the template's owners (its creator, or an admin: the same people who may
 * edit it) list, accept and reject them. Accepting applies them to the newest version and saves
 * the next version through the versions code, in one transaction under the template's row lock.
 */

const resolver = (actor: SignedInActor) =>
  actor.userId === ADMIN_TOKEN_USER_ID
    ? { resolverId: null, resolverName: 'Admin' }
    : { resolverId: actor.userId, resolverName: actor.name };

/** `GET /api/templates/:id/redlines?status=open`: newest first, with their deployment and person. */
export async function listRedlines(actor: SignedInActor, templateId: string, status: RedlineStatus | null) {
  ensureManage(actor, await loadTemplate(templateId), 'review the redlines of');
  const rows = await prisma.redline.findMany({
    where: { templateId, ...(status ? { status } : {}) },
    orderBy: { createdAt: 'desc' },
    take: 500,
    select: REDLINE_SELECT,
  });
  return rows.map(toRedlineDto);
}

/** How many redlines of this template are still open: the start form's warning. */
export async function openRedlineCount(templateId: string, db: Tx | typeof prisma = prisma) {
  return db.redline.count({ where: { templateId, status: 'open' } });
}

async function lockRedlines(tx: Tx, templateId: string, ids: string[]) {
  await tx.$queryRaw`SELECT "id" FROM "Template" WHERE "id" = ${templateId} FOR UPDATE`;
  await tx.$queryRaw`SELECT "id" FROM "Redline" WHERE "id" = ANY(${ids}) FOR UPDATE`;
  const rows = await tx.redline.findMany({ where: { id: { in: ids }, templateId }, select: REDLINE_SELECT });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) throw new AppError('not_found', `No redline ${id.slice(0, 40)} on this template.`);
    if (row.status !== 'open')
      throw new AppError(
        'redline_resolved',
        `This redline was already ${row.status}${row.resolverName ? ` by ${row.resolverName}` : ''}.`,
        {
          redlineId: id,
          status: row.status,
        },
      );
    return row;
  });
}

/**
 * Accepts redlines (in the order given) as one new version whose summary names them. A step that
 * is no longer in the newest version is 409 redline_conflict and nothing changes.
 */
export async function acceptRedlines(
  actor: SignedInActor,
  templateId: string,
  ids: string[],
): Promise<AcceptedRedlines> {
  ensureManage(actor, await loadTemplate(templateId), 'accept redlines on');
  const unique = [...new Set(ids)];
  return prisma.$transaction(
    async (tx) => {
      const rows = await lockRedlines(tx, templateId, unique);
      const template = await tx.template.findUniqueOrThrow({ where: { id: templateId } });
      const applied = applyRedlines(
        definitionOf(template),
        rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          target: r.target as RedlineTarget,
          patch: r.patch as RedlinePatch,
        })),
      );
      if (!applied.ok)
        throw new AppError('redline_conflict', applied.message, {
          redlineId: applied.redlineId,
          currentVersion: template.currentVersion,
        });
      const summary = acceptSummary(
        rows.map((r) => ({
          kind: r.kind,
          target: r.target as RedlineTarget,
          proposer: r.proposerName,
          reason: r.reason,
        })),
      );
      const { row } = await saveTemplateVersion(actor, templateId, { definition: applied.definition, summary }, tx);
      await tx.redline.updateMany({
        where: { id: { in: unique } },
        data: { status: 'accepted', acceptedVersion: row.currentVersion, resolvedAt: new Date(), ...resolver(actor) },
      });
      return { version: row.currentVersion, accepted: unique };
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}

/** Rejects one redline with the reviewer's reason; the template does not change. */
export async function rejectRedline(
  actor: SignedInActor,
  templateId: string,
  redlineId: string,
  reason: string,
): Promise<RedlineDto> {
  ensureManage(actor, await loadTemplate(templateId), 'reject redlines on');
  if (!reason.trim()) throw new AppError('reason_required', 'Say why: the person who proposed it reads the reason.');
  return prisma.$transaction(async (tx) => {
    await lockRedlines(tx, templateId, [redlineId]);
    const row = await tx.redline.update({
      where: { id: redlineId },
      data: {
        status: 'rejected',
        rejectReason: reason.trim().slice(0, 2000),
        resolvedAt: new Date(),
        ...resolver(actor),
      },
      select: REDLINE_SELECT,
    });
    return toRedlineDto(row);
  });
}
