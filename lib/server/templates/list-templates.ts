import 'server-only';
import type { TemplateSummary } from '@/lib/contracts/templates';
import type { Actor } from '@/lib/domain/rbac';
import { prisma } from '@/lib/server/db';
import { toTemplateSummary } from './template-dto';

/** The whole library, most recently changed first. Every signed-in person sees every template. */
export async function listTemplates(actor: Actor): Promise<TemplateSummary[]> {
  const rows = await prisma.template.findMany({ orderBy: { updatedAt: 'desc' }, take: 500 });
  const ids = rows.map((r) => r.id);
  const creatorIds = [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))];
  const [usage, creators] = await Promise.all([
    ids.length
      ? prisma.deployment.groupBy({ by: ['templateId'], where: { templateId: { in: ids } }, _count: { _all: true } })
      : [],
    creatorIds.length
      ? prisma.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } })
      : [],
  ]);
  const used = new Map(usage.map((u) => [u.templateId, u._count._all]));
  const names = new Map(creators.map((c) => [c.id, c.name]));
  const out: TemplateSummary[] = [];
  for (const row of rows) {
    try {
      out.push(
        toTemplateSummary(actor, row, {
          deployments: used.get(row.id) ?? 0,
          createdBy: row.createdById ? (names.get(row.createdById) ?? null) : null,
        }),
      );
    } catch {
      // A damaged row must not hide the rest of the library; it stays reachable by id.
    }
  }
  return out;
}
