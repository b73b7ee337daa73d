import 'server-only';
import { plural } from '@/lib/domain/plural';
import type { Actor } from '@/lib/domain/rbac';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { ensureManage, loadTemplate } from './load-template';

function inUse(name: string, deployments: { name: string }[], total: number) {
  const listed = deployments.map((d) => `“${d.name}”`).join(', ');
  const more = total > deployments.length ? ` and ${total - deployments.length} more` : '';
  return new AppError(
    'in_use',
    `“${name}” is used by ${plural(total, 'deployment')} (${listed}${more}), so it cannot be deleted. Duplicate it to change it, or keep it for the record.`,
    { deployments: total },
  );
}

/** Deletes an unused template; the creator or an admin. Refused (409 in_use) while a deployment uses it. */
export async function deleteTemplate(actor: Actor, id: string) {
  const row = await loadTemplate(id);
  ensureManage(actor, row, 'delete');
  const [users, total] = await Promise.all([
    prisma.deployment.findMany({
      where: { templateId: id },
      select: { name: true },
      orderBy: { createdAt: 'desc' },
      take: 3,
    }),
    prisma.deployment.count({ where: { templateId: id } }),
  ]);
  if (total > 0) throw inUse(row.name, users, total);
  try {
    await prisma.template.delete({ where: { id } });
  } catch (error) {
    const code = (error as { code?: string }).code;
    // The foreign key (onDelete: Restrict) catches a deployment started between the check and the delete.
    if (code === 'P2003' || code === 'P2014')
      throw inUse(row.name, [], await prisma.deployment.count({ where: { templateId: id } }));
    if (code === 'P2025') throw new AppError('not_found', 'No such template. It may have been deleted.');
    throw error;
  }
  return { deleted: true, id };
}
