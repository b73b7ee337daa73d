import 'server-only';
import type { TemplateTiming, TimingSlice } from '@/lib/contracts/templates';
import type { TemplateDefinition } from '@/lib/domain/template-definition';
import { durationSuggestion, runsSentence, templateTiming } from '@/lib/domain/template-timing';
import { sql } from '@/lib/server/sql';
import { loadTemplate } from './load-template';
import { definitionOf } from './template-dto';

type Kind = { rehearsal: boolean };
type PhaseRow = Kind & { deploymentId: string; phaseId: string; title: string; startedAt: Date; completedAt: Date };
type TickRow = Kind & {
  deploymentId: string;
  phaseId: string;
  phaseTitle: string;
  phaseStartedAt: Date;
  roleKey: string;
  title: string;
  doneAt: Date;
};
type RunRow = Kind & { startedAt: Date; finishedAt: Date };

/**
 * `GET /api/templates/:id/timing[?rehearsal=true|false]`: planned against actual over the
 * template's runs, go-lives and rehearsals apart (both by default: go-lives at the top level,
 * rehearsals under `rehearsals`; one kind when asked). Anyone signed in may read it, like the
 * template itself.
 */
export async function getTemplateTiming(templateId: string, only: boolean | null): Promise<TemplateTiming> {
  const template = await loadTemplate(templateId);
  const definition = definitionOf(template);
  const [phases, ticks, runs] = await Promise.all([
    sql<PhaseRow>`
      SELECT d."rehearsal", p."deploymentId", p."id" AS "phaseId", p."title", p."startedAt", p."completedAt"
      FROM "Phase" p JOIN "Deployment" d ON d."id" = p."deploymentId"
      WHERE d."templateId" = ${templateId} AND p."startedAt" IS NOT NULL AND p."completedAt" IS NOT NULL`,
    // A done step's updatedAt is its tick: only a reassignment after the tick would move it later.
    sql<TickRow>`
      SELECT d."rehearsal", i."deploymentId", i."phaseId", p."title" AS "phaseTitle", p."startedAt" AS "phaseStartedAt",
             r."key" AS "roleKey", i."title", i."updatedAt" AS "doneAt"
      FROM "ChecklistItem" i JOIN "Phase" p ON p."id" = i."phaseId" JOIN "Deployment" d ON d."id" = i."deploymentId"
        JOIN "Role" r ON r."id" = i."roleId"
      WHERE d."templateId" = ${templateId} AND i."status" = 'done' AND NOT i."doneBeforeStart" AND p."startedAt" IS NOT NULL`,
    // The start form's sentence: completed runs only. An aborted or rolled-back run stopped short
    // of (or went past) the plan, so its length says nothing about whether the plan fits.
    sql<RunRow>`
      SELECT d."rehearsal", d."startedAt", d."finishedAt" FROM "Deployment" d
      WHERE d."templateId" = ${templateId} AND d."state" = 'completed' AND d."startedAt" IS NOT NULL AND d."finishedAt" IS NOT NULL`,
  ]);
  const slice = (rehearsal: boolean) =>
    timingSlice(
      definition,
      phases.filter((p) => p.rehearsal === rehearsal),
      ticks.filter((t) => t.rehearsal === rehearsal),
      runs.filter((r) => r.rehearsal === rehearsal),
    );
  if (only !== null) return { rehearsal: only, ...slice(only) };
  return { rehearsal: false, ...slice(false), rehearsals: slice(true) };
}

function timingSlice(
  definition: TemplateDefinition,
  phases: readonly PhaseRow[],
  ticks: readonly TickRow[],
  runs: readonly RunRow[],
): TimingSlice {
  const answer = templateTiming(
    definition.phases.map((p) => ({ title: p.title, plannedDurationMin: p.plannedDurationMin })),
    phases,
    ticks.map((t) => ({ ...t, phaseKey: t.phaseId })),
  );
  const planned = definition.phases.filter((p) => p.kind !== 'rollback' && p.plannedDurationMin !== null);
  const plannedTotal = planned.length ? planned.reduce((n, p) => n + (p.plannedDurationMin ?? 0), 0) : null;
  return {
    ...answer,
    phases: answer.phases.map((p) => ({ ...p, suggestedDurationMin: durationSuggestion(p) })),
    sentence: runsSentence(
      runs.map((r) => (r.finishedAt.getTime() - r.startedAt.getTime()) / 60_000),
      plannedTotal,
    ),
  };
}
