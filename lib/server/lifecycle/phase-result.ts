import 'server-only';
import type { PhaseResult } from '@/lib/contracts/deployments';
import type { PhaseKind, PhaseStatus } from '@/lib/domain/phases';

/** The phase as a start or complete command answers it. */
export const phaseResultSelect = {
  id: true,
  title: true,
  kind: true,
  status: true,
  plannedStartMin: true,
  plannedDurationMin: true,
  startedAt: true,
  completedAt: true,
} as const;

export function toPhaseResult(row: {
  id: string;
  title: string;
  kind: PhaseKind;
  status: PhaseStatus;
  plannedStartMin: number | null;
  plannedDurationMin: number | null;
  startedAt: Date | null;
  completedAt: Date | null;
}): PhaseResult {
  return {
    ...row,
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}
