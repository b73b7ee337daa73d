import 'server-only';
import type { TemplateListDto, TemplateSummary } from '@/lib/contracts/templates';
import type { Actor } from '@/lib/domain/rbac';
import { TEMPLATE_SHOWS } from '@/lib/domain/template-list';
import type { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/server/db';
import { isAppError } from '@/lib/server/errors';
import { choiceOf } from '@/lib/server/http/query-choice';
import { containing, searchTextOf } from '@/lib/server/http/search-text';
import { readDefinition, storedStats, summaryOf, type TemplateSummaryRow } from './template-dto';

/** Templates one answer lists; a search finds the rest (a library only grows). */
const LIST_LIMIT = 500;

/**
 * The library, most recently changed first (those whose name or description contains `?q=`, any
 * case, when there is one; with `?show=mine`, only those the caller made): at most LIST_LIMIT, and
 * how many match in all. Every signed-in person sees every template. Reads each row's stored summary, never its definition or Markdown (a
 * 5 000-item runbook is megabytes of JSON to fetch and validate); only a row written before
 * summaries were kept is read whole, once, and gets its summary stored.
 */
export async function listTemplates(actor: Actor, query = new URLSearchParams()): Promise<TemplateListDto> {
  const q = searchTextOf(query, "a template's name or description");
  const show = choiceOf(query, 'show', TEMPLATE_SHOWS, 'all');
  const where: Prisma.TemplateWhereInput = {
    ...(q ? { OR: [{ name: containing(q) }, { description: containing(q) }] } : {}),
    ...(show === 'mine' ? { createdById: actor.userId } : {}),
  };
  const [rows, matching] = await Promise.all([readSummaries(where), prisma.template.count({ where })]);
  return { templates: await summariesFor(actor, rows), matching };
}

function readSummaries(where: Prisma.TemplateWhereInput) {
  return prisma.template.findMany({
    where,
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    take: LIST_LIMIT,
    select: {
      id: true,
      name: true,
      description: true,
      stats: true,
      createdById: true,
      createdAt: true,
      updatedAt: true,
      currentVersion: true,
    },
  });
}

async function summariesFor(actor: Actor, rows: Awaited<ReturnType<typeof readSummaries>>): Promise<TemplateSummary[]> {
  const ids = rows.map((r) => r.id);
  const creatorIds = [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))];
  const [usage, creators, withSource] = await Promise.all([
    ids.length
      ? prisma.deployment.groupBy({ by: ['templateId'], where: { templateId: { in: ids } }, _count: { _all: true } })
      : [],
    creatorIds.length
      ? prisma.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } })
      : [],
    ids.length
      ? prisma.template.findMany({ where: { id: { in: ids }, sourceMarkdown: { not: null } }, select: { id: true } })
      : [],
  ]);
  const used = new Map(usage.map((u) => [u.templateId, u._count._all]));
  const names = new Map(creators.map((c) => [c.id, c.name]));
  const sourced = new Set(withSource.map((t) => t.id));
  const out: TemplateSummary[] = [];
  for (const row of rows) {
    const stats = storedStats(row.stats) ?? (await backfillStats(row.id, row.name, row.updatedAt));
    // A damaged row must not hide the rest of the library; it stays reachable by id.
    if (!stats) continue;
    const summary: TemplateSummaryRow = { ...row, stats, hasSource: sourced.has(row.id) };
    out.push(
      summaryOf(actor, summary, {
        deployments: used.get(row.id) ?? 0,
        createdBy: row.createdById ? (names.get(row.createdById) ?? null) : null,
      }),
    );
  }
  return out;
}

/** A row from before summaries were stored: derive its summary once (on the CPU pool) and keep it. */
async function backfillStats(id: string, name: string, updatedAt: Date) {
  const row = await prisma.template.findUnique({ where: { id }, select: { definition: true } });
  if (!row) return null;
  try {
    const { stats } = await readDefinition({ definition: row.definition, name });
    // updatedAt given as it was: storing a summary is not a change anyone made, nor a reason to reorder the list.
    // Only if the definition is still the one read.
    await prisma.template.updateMany({ where: { id, updatedAt }, data: { stats, updatedAt } });
    return stats;
  } catch (error) {
    if (isAppError(error) && error.code === 'invalid_body') return null;
    throw error;
  }
}
