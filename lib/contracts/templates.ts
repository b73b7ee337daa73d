import type { TemplateDefinition, templateStats } from '@/lib/domain/template-definition';
import type { TemplateChange } from '@/lib/domain/template-diff';

export type TemplateStats = ReturnType<typeof templateStats>;

export type TemplateSummary = {
  id: string;
  name: string;
  description: string;
  createdById: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  stats: TemplateStats;
  deployments: number;
  hasSource: boolean;
  canManage: boolean;
  /** The newest version's number (its definition is the template's). */
  currentVersion: number;
};

/** The newest deployment of this template that the person asking held a role in. */
export type TemplateLastRun = { deploymentId: string; name: string; templateVersion: number | null; createdAt: string };

export type TemplateDetail = TemplateSummary & {
  definition: TemplateDefinition;
  myLastRun: TemplateLastRun | null;
  /** Redlines proposed in runs and not yet reviewed: the start form warns of them. */
  openRedlines: number;
};

/** One row of `GET /api/templates/:id/versions` (newest first). */
export type TemplateVersionSummary = {
  version: number;
  createdAt: string;
  /** The name of who made it, as it was then; null when unknown. */
  createdBy: string | null;
  createdById: string | null;
  summary: string;
};

/** `GET /api/templates/:id/versions/:v`: the definition's fields, and the same under `definition`. */
export type TemplateVersionDetail = TemplateVersionSummary & TemplateDefinition & { definition: TemplateDefinition };

/** `GET /api/templates/:id/diff?from=&to=`. */
export type TemplateDiff = { from: number; to: number; changes: TemplateChange[] };

/** `POST /api/templates/:id/versions` and an edit through `PATCH /api/templates/:id`. */
export type SavedTemplateVersion = {
  /** False when the content was the same as the current version's: nothing new was saved. */
  created: boolean;
  version: TemplateVersionSummary;
  template: TemplateDetail;
  warnings?: { line: number; message: string }[];
};

/** One phase or step's actual minutes over runs (`GET /api/templates/:id/timing`). */
export type TimingStatsDto = { n: number; medianMin: number; p90Min: number; lastMin: number };

/** `GET /api/templates/:id/timing[?rehearsal=true|false]`. */
export type TemplateTiming = {
  /** null: every run; true: rehearsals only; false: go-lives only. */
  rehearsal: boolean | null;
  runs: number;
  phases: {
    title: string;
    plannedDurationMin: number | null;
    actual: TimingStatsDto | null;
    /** Minutes the median runs over the plan; null when it does not. */
    overBy: number | null;
    /** A new planned duration to offer when the phase runs over consistently (≥ 3 runs). */
    suggestedDurationMin: number | null;
  }[];
  items: { title: string; phase: string; actual: TimingStatsDto }[];
  /** "Runs of this template took 42–58 min (p90 55); this plan allows 45"; null before any finished run. */
  sentence: string | null;
};
