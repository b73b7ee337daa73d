/** The phase as a start or complete command answers it. */
export const phaseResultSelect = {
  id: true, title: true, kind: true, status: true, plannedStartMin: true, plannedDurationMin: true, startedAt: true, completedAt: true,
} as const;

export type PhaseResult = {
  id: string; title: string; kind: string; status: string; plannedStartMin: number | null; plannedDurationMin: number | null;
  startedAt: string | null; completedAt: string | null;
};

export function toPhaseResult(row: {
  id: string; title: string; kind: string; status: string; plannedStartMin: number | null; plannedDurationMin: number | null;
  startedAt: Date | null; completedAt: Date | null;
}): PhaseResult {
  return { ...row, startedAt: row.startedAt?.toISOString() ?? null, completedAt: row.completedAt?.toISOString() ?? null };
}
