import 'server-only';
import type { TemplateDetail } from '@/lib/contracts/templates';
import type { Actor } from '@/lib/domain/rbac';
import { canManageTemplate } from '@/lib/domain/template-access';
import { prisma, type Tx } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { readDefinition, summaryOf, type TemplateRow } from './template-dto';

/** One template row, or 404. */
export async function loadTemplate(id: string, db: Tx | typeof prisma = prisma): Promise<TemplateRow> {
  const row = await db.template.findUnique({ where: { id } });
  if (!row) throw new AppError('not_found', 'No such template. It may have been deleted.');
  return row;
}

/** Rename, new versions and delete: the template's creator or an admin (lib/domain/template-access.ts). */
export function ensureManage(actor: Actor, row: TemplateRow, verb: string) {
  if (canManageTemplate(actor, row)) return;
  throw new AppError(
    'forbidden',
    actor.token && (!actor.token.scopes.includes('write') || actor.token.deploymentId)
      ? `This token may not ${verb} templates: it needs the write scope and no deployment limit.`
      : `Only the person who created “${row.name}” or an admin can ${verb} it.`,
  );
}

/** The detail view: summary fields plus the whole definition. */
export async function toTemplateDetail(
  actor: Actor,
  row: TemplateRow,
  db: Tx | typeof prisma = prisma,
): Promise<TemplateDetail> {
  const [deployments, creator, read, lastRun, openRedlines] = await Promise.all([
    db.deployment.count({ where: { templateId: row.id } }),
    row.createdById ? db.user.findUnique({ where: { id: row.createdById }, select: { name: true } }) : null,
    // Validating a whole definition is CPU work: on the pool, with the summary derived there too.
    readDefinition(row),
    // "What changed since your last run": the newest deployment of this template they held a role in.
    db.deployment.findFirst({
      where: { templateId: row.id, participants: { some: { userId: actor.userId } } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, name: true, templateVersion: true, createdAt: true },
    }),
    db.redline.count({ where: { templateId: row.id, status: 'open' } }),
  ]);
  const { definition: _definition, sourceMarkdown, stats: _stats, ...rest } = row;
  return {
    ...summaryOf(
      actor,
      { ...rest, hasSource: Boolean(sourceMarkdown), stats: read.stats },
      { deployments, createdBy: creator?.name ?? null },
    ),
    definition: read.definition,
    openRedlines,
    myLastRun: lastRun
      ? {
          deploymentId: lastRun.id,
          name: lastRun.name,
          templateVersion: lastRun.templateVersion,
          createdAt: lastRun.createdAt.toISOString(),
        }
      : null,
  };
}
