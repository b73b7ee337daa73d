import 'server-only';
import type { Actor } from '@/lib/domain/rbac';
import { templateStats, type TemplateDefinition } from '@/lib/domain/template-definition';
import { prisma } from '@/lib/server/db';
import { checkReferences } from './create-template';
import { ensureManage, loadTemplate, toTemplateDetail } from './load-template';
import { definitionOf } from './template-dto';

/**
 * Renames a template, optionally rewriting its description or — from the template editor — its
 * whole definition (owners moved, roles changed); the creator or an admin. Templates have no
 * versions: deployments copied their steps when they started, so they are not affected.
 */
export async function renameTemplate(
  actor: Actor,
  id: string,
  input: { name: string; description?: string; definition?: TemplateDefinition },
) {
  const row = await loadTemplate(id);
  ensureManage(actor, row, 'rename');
  if (input.definition) checkReferences(input.definition);
  const base = input.definition ?? definitionOf(row);
  const definition = {
    ...base,
    name: input.name,
    ...(input.description !== undefined ? { description: input.description } : {}),
  };
  const updated = await prisma.template.update({
    where: { id },
    data: {
      name: input.name,
      description: definition.description,
      definition: JSON.parse(JSON.stringify(definition)),
      // The list's summary stays in step with the definition.
      stats: templateStats(definition),
    },
  });
  return toTemplateDetail(actor, updated);
}
