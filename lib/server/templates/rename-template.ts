import 'server-only';
import type { TemplateDefinition } from '@/lib/domain/template-definition';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { checkReferences } from './create-template';
import { ensureManage, loadTemplate, toTemplateDetail } from './load-template';
import { definitionOf } from './template-dto';
import { saveTemplateVersion } from './versions';

/**
 * Renames a template, optionally rewriting its description or — from the template editor — its
 * whole definition (owners moved, roles changed); the creator or an admin. A change of content
 * makes the next version (with `summary`, or a default line); a rename alone does not.
 * Deployments pinned their version and copied its steps when they started: none is affected.
 */
export async function renameTemplate(
  actor: SignedInActor,
  id: string,
  input: {
    name: string;
    description?: string;
    definition?: TemplateDefinition;
    summary?: string;
    baseVersion?: number;
  },
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
  const summary = input.summary?.trim() || (input.definition ? 'Edited in the template editor' : 'Description edited');
  const { row: updated } = await saveTemplateVersion(actor, id, {
    definition,
    name: input.name,
    summary,
    baseVersion: input.baseVersion,
  });
  return toTemplateDetail(actor, updated);
}
