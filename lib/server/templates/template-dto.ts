import 'server-only';
import type { TemplateSummary } from '@/lib/contracts/templates';
import type { Actor } from '@/lib/domain/rbac';
import { canManageTemplate } from '@/lib/domain/template-access';
import { templateDefinitionSchema, templateStats, type TemplateDefinition } from '@/lib/domain/template-definition';
import { AppError } from '@/lib/server/errors';

export type TemplateRow = {
  id: string;
  name: string;
  description: string;
  definition: unknown;
  sourceMarkdown: string | null;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
  currentVersion: number;
};

/** The stored JSON, validated on the way out: a damaged row is reported, never half-shown. */
export function definitionOf(row: Pick<TemplateRow, 'definition' | 'name'>): TemplateDefinition {
  const parsed = templateDefinitionSchema.safeParse(row.definition);
  if (!parsed.success) throw new AppError('invalid_body', `Template “${row.name}” is damaged and cannot be read.`);
  // The row's name is the one renames change; the definition keeps its own copy in step.
  return { ...parsed.data, name: row.name };
}

export function toTemplateSummary(
  actor: Actor,
  row: TemplateRow,
  extra: { deployments: number; createdBy: string | null },
): TemplateSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdById: row.createdById,
    createdBy: extra.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    stats: templateStats(definitionOf(row)),
    deployments: extra.deployments,
    hasSource: Boolean(row.sourceMarkdown),
    canManage: canManageTemplate(actor, row),
    currentVersion: row.currentVersion,
  };
}
