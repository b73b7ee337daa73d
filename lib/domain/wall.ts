import type { PublicPhase } from './public-status';

export type PhaseClock = { elapsedSec: number; plannedSec: number | null; over: boolean };

/**
 * How long the running phase has taken against its plan, for the wall's "12 min of 20 min
 * planned". A phase without a planned duration is never "over"; a clock that runs behind the
 * server's start time reads zero rather than a negative time.
 */
export function phaseClock(
  phase: Pick<PublicPhase, 'startedAt' | 'plannedDurationMin'>,
  now: number,
): PhaseClock | null {
  if (!phase.startedAt) return null;
  const elapsedSec = Math.max(0, Math.floor((now - new Date(phase.startedAt).getTime()) / 1000));
  const plannedSec = phase.plannedDurationMin == null ? null : phase.plannedDurationMin * 60;
  return { elapsedSec, plannedSec, over: plannedSec !== null && elapsedSec > plannedSec };
}
