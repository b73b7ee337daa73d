/**
 * The CPU-heavy work that runs on the worker threads of the CPU pool (./pool.ts), never on the
 * thread that serves every socket. Pure functions over structured-cloneable values: each returns
 * a result instead of throwing, because an error crossing threads loses its code and details.
 *
 * Loaded by ./worker.mjs through tsx, outside Next's bundler: relative imports of pure modules
 * only (no `server-only`, no Prisma, no `@/` aliases).
 */
import type { TimelineEvent } from '../../domain/event-log';
import { renderReport, type ReportSnapshot } from '../../domain/report';
import { parseRunbook, type ParseOptions, type ParseResult } from '../../domain/runbook';
import { templateDefinitionSchema, templateStats, type TemplateDefinition } from '../../domain/template-definition';
import { templateReferenceProblem } from '../../domain/template-references';

export type TemplateStats = ReturnType<typeof templateStats>;

export type ValidatedTemplate =
  | { ok: true; definition: TemplateDefinition; stats: TemplateStats }
  | { ok: false; problem: 'references' | 'schema'; message: string };

/** Markdown → template preview (see lib/domain/runbook). */
export function parseRunbookTask(input: { markdown: string; options: ParseOptions }): ParseResult {
  return parseRunbook(input.markdown, input.options);
}

/**
 * A definition checked as it will be stored or used: its role references (when asked) and the
 * schema, with the summary the template list shows.
 */
export function validateTemplateTask(input: { definition: unknown; checkReferences: boolean }): ValidatedTemplate {
  if (input.checkReferences) {
    const problem = templateReferenceProblem(input.definition as TemplateDefinition);
    if (problem) return { ok: false, problem: 'references', message: problem };
  }
  const parsed = templateDefinitionSchema.safeParse(input.definition);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path?.length ? `${issue.path.join('.')}: ` : '';
    return { ok: false, problem: 'schema', message: `${where}${issue?.message ?? 'invalid template'}` };
  }
  return { ok: true, definition: parsed.data, stats: templateStats(parsed.data) };
}

/** The go-live report's Markdown (lib/domain/report.ts). */
export function renderReportTask(input: {
  snapshot: ReportSnapshot;
  events: TimelineEvent[];
  now: Date;
  head: Parameters<typeof renderReport>[3];
}): string {
  return renderReport(input.snapshot, input.events, input.now, input.head);
}

export const cpuTasks = {
  parseRunbook: parseRunbookTask,
  validateTemplate: validateTemplateTask,
  renderReport: renderReportTask,
};
export type CpuTasks = typeof cpuTasks;
