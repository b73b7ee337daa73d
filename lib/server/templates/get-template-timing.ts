import 'server-only';
import type { TemplateTiming } from '@/lib/contracts/templates';
import { runsSentence, templateTiming, durationSuggestion } from '@/lib/domain/template-timing';
import { sql } from '@/lib/server/sql';
import { loadTemplate } from './load-template';
import { definitionOf } from './template-dto';

type PhaseRow = { deploymentId: string; phaseId: string; title: string; startedAt: Date; completedAt: Date };
type TickRow = {
  deploymentId: string;
  phaseId: string;
  phaseTitle: string;
  phaseStartedAt: Date;
  title: string;
  doneAt: Date;
};
type RunRow = { startedAt: Date; finishedAt: Date };

/**
 * `GET /api/templates/:id/timing[?rehearsal=true|false]`: planned against actual over every run of
 * the template (all of them by default; only rehearsals, or only go-lives, when asked). Anyone
 * signed in may read it, like the template itself.
 */
export async function getTemplateTiming(templateId: string, rehearsal: boolean | null): Promise<TemplateTiming> {
  const template = await loadTemplate(templateId);
  const definition = definitionOf(template);
  const kind = rehearsal === null ? null : rehearsal;
  const [phases, ticks, runs] = await Promise.all([
    sql<PhaseRow>`
      SELECT p."deploymentId", p."id" AS "phaseId", p."title", p."startedAt", p."completedAt"
      FROM "Phase" p JOIN "Deployment" d ON d."id" = p."deploymentId"
      WHERE d."templateId" = ${templateId} AND p."startedAt" IS NOT NULL AND p."completedAt" IS NOT NULL
        AND (${kind}::boolean IS NULL OR d."rehearsal" = ${kind}::boolean)`,
    sql<TickRow>`
      SELECT i."deploymentId", i."phaseId", p."title" AS "phaseTitle", p."startedAt" AS "phaseStartedAt", i."title", i."updatedAt" AS "doneAt"
      FROM "ChecklistItem" i JOIN "Phase" p ON p."id" = i."phaseId" JOIN "Deployment" d ON d."id" = i."deploymentId"
      WHERE d."templateId" = ${templateId} AND i."status" = 'done' AND NOT i."doneBeforeStart" AND p."startedAt" IS NOT NULL
        AND (${kind}::boolean IS NULL OR d."rehearsal" = ${kind}::boolean)`,
    sql<RunRow>`
      SELECT d."startedAt", d."finishedAt" FROM "Deployment" d
      WHERE d."templateId" = ${templateId} AND d."state" = 'completed' AND d."startedAt" IS NOT NULL AND d."finishedAt" IS NOT NULL
        AND (${kind}::boolean IS NULL OR d."rehearsal" = ${kind}::boolean)`,
  ]);
  const answer = templateTiming(
    definition.phases.map((p) => ({ title: p.title, plannedDurationMin: p.plannedDurationMin })),
    phases,
    ticks.map((t) => ({ ...t, phaseKey: t.phaseId })),
  );
  const planned = definition.phases.filter((p) => p.kind !== 'rollback' && p.plannedDurationMin !== null);
  const plannedTotal = planned.length ? planned.reduce((n, p) => n + (p.plannedDurationMin ?? 0), 0) : null;
  return {
    rehearsal: kind,
    ...answer,
    phases: answer.phases.map((p) => ({ ...p, suggestedDurationMin: durationSuggestion(p) })),
    sentence: runsSentence(
      runs.map((r) => (r.finishedAt.getTime() - r.startedAt.getTime()) / 60_000),
      plannedTotal,
    ),
  };
}
