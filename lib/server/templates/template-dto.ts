import 'server-only';
import type { TemplateStats, TemplateSummary } from '@/lib/contracts/templates';
import type { Actor } from '@/lib/domain/rbac';
import { canManageTemplate } from '@/lib/domain/template-access';
import { templateDefinitionSchema, templateStats, type TemplateDefinition } from '@/lib/domain/template-definition';
import { runOffThread } from '@/lib/server/cpu-pool/pool';
import { AppError } from '@/lib/server/errors';
import { z } from '@/lib/zod';

export type TemplateRow = {
  id: string;
  name: string;
  description: string;
  definition: unknown;
  /** The stored summary; null on rows written before it was kept (list-templates.ts fills it). */
  stats?: unknown;
  sourceMarkdown: string | null;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
  currentVersion: number;
};

/** What the list reads of a row: everything but the definition and the Markdown. */
export type TemplateSummaryRow = Omit<TemplateRow, 'definition' | 'sourceMarkdown' | 'stats'> & {
  hasSource: boolean;
  stats: TemplateStats;
};

const count = z.number().int().min(0);
const statsSchema = z.object({
  phases: count,
  sections: count,
  items: count,
  checkedItems: count,
  roles: count,
  gates: count,
  rules: count,
});

/** The stored summary, or null when there is none (or it is not one). */
export function storedStats(stats: unknown): TemplateStats | null {
  const parsed = statsSchema.safeParse(stats);
  return parsed.success ? parsed.data : null;
}

const damaged = (name: string) => new AppError('invalid_body', `Template “${name}” is damaged and cannot be read.`);

/** The stored JSON, validated on the way out: a damaged row is reported, never half-shown. */
export function definitionOf(row: Pick<TemplateRow, 'definition' | 'name'>): TemplateDefinition {
  const parsed = templateDefinitionSchema.safeParse(row.definition);
  if (!parsed.success) throw damaged(row.name);
  // The row's name is the one renames change; the definition keeps its own copy in step.
  return { ...parsed.data, name: row.name };
}

/** `definitionOf` on the CPU pool, with the summary: for the request paths that read whole definitions. */
export async function readDefinition(
  row: Pick<TemplateRow, 'definition' | 'name'>,
): Promise<{ definition: TemplateDefinition; stats: TemplateStats }> {
  const result = await runOffThread('validateTemplate', { definition: row.definition, checkReferences: false });
  if (!result.ok) throw damaged(row.name);
  return { definition: { ...result.definition, name: row.name }, stats: result.stats };
}

export function toTemplateSummary(
  actor: Actor,
  row: TemplateRow,
  extra: { deployments: number; createdBy: string | null },
): TemplateSummary {
  const { definition: _definition, sourceMarkdown, stats, ...rest } = row;
  return summaryOf(
    actor,
    {
      ...rest,
      hasSource: Boolean(sourceMarkdown),
      stats: storedStats(stats) ?? templateStats(definitionOf(row)),
    },
    extra,
  );
}

export function summaryOf(
  actor: Actor,
  row: TemplateSummaryRow,
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
    stats: row.stats,
    deployments: extra.deployments,
    hasSource: row.hasSource,
    canManage: canManageTemplate(actor, row),
    currentVersion: row.currentVersion,
  };
}
