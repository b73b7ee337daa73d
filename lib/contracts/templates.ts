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

/**
 * `GET /api/templates[?q=text]`: the most recently changed templates (those whose name or
 * description contains `q`), at most 500; `matching` counts all that match.
 */
export type TemplateListDto = { templates: TemplateSummary[]; matching: number };

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

/** Planned against actual over one kind of run: go-lives, or rehearsals. */
export type TimingSlice = {
  /** Runs with at least one finished phase. */
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
  /** The slowest steps, slowest (by median) first. */
  items: { title: string; phase: string; actual: TimingStatsDto }[];
  /** "Runs of this template took 42–58 min (p90 55); this plan allows 45" over completed runs; null before any. */
  sentence: string | null;
};

/**
 * `GET /api/templates/:id/timing`: go-lives at the top level and rehearsals under `rehearsals`;
 * with `?rehearsal=true|false`, only that kind at the top level (and no `rehearsals`).
 */
export type TemplateTiming = TimingSlice & {
  /** The kind at the top level: false go-lives, true rehearsals. */
  rehearsal: boolean;
  rehearsals?: TimingSlice;
};
