import type { Actor } from '@/lib/domain/rbac';
import { prisma } from '@/lib/server/db';
import { definitionOf } from './template-dto';
import { ensureManage, loadTemplate, toTemplateDetail } from './load-template';

/** Renames a template (and optionally rewrites its description); the creator or an admin. */
export async function renameTemplate(actor: Actor, id: string, input: { name: string; description?: string }) {
  const row = await loadTemplate(id);
  ensureManage(actor, row, 'rename');
  const definition = { ...definitionOf(row), name: input.name, ...(input.description !== undefined ? { description: input.description } : {}) };
  const updated = await prisma.template.update({
    where: { id },
    data: { name: input.name, description: definition.description, definition: JSON.parse(JSON.stringify(definition)) },
  });
  return toTemplateDetail(actor, updated);
}
