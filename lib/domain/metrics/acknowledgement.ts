/**
 * The IC acknowledges a raised health level ("I have seen: prepare rollback"). An acknowledgement
 * covers the level it was given at and anything lower, so 3 → 2 needs no new one; a rise above it,
 * or a fresh rise after health came back to level 1, asks again.
 */

import type { HealthLevel } from './types';

/** True while the banner should ask the IC to acknowledge. */
export function needsAcknowledgement(level: number, acknowledgedLevel: number): boolean {
  return level >= 2 && acknowledgedLevel < level;
}

/** The acknowledged level to keep after health moved to `level`: back at 1, the slate is wiped. */
export function acknowledgedAfterChange(level: HealthLevel, acknowledgedLevel: number): number {
  return level === 1 ? 0 : acknowledgedLevel;
}

export type AcknowledgeCheck =
  { ok: true; alreadyAcknowledged: boolean } | { ok: false; code: 'conflict'; message: string };

/**
 * Whether an acknowledgement of `expected` (what the IC saw; null = "whatever it is now") may be
 * recorded. Acknowledging a level that has moved on would record a decision about a different
 * situation, so that is refused with the current level named.
 */
export function checkAcknowledge(
  level: number,
  acknowledgedLevel: number,
  expected: number | null | undefined,
): AcknowledgeCheck {
  if (level < 2)
    return {
      ok: false,
      code: 'conflict',
      message: 'Health is at level 1 (keep going): there is nothing to acknowledge.',
    };
  if (expected != null && expected !== level) {
    return {
      ok: false,
      code: 'conflict',
      message: `Health moved to level ${level} before your acknowledgement of level ${expected} arrived. Review it and acknowledge again.`,
    };
  }
  return { ok: true, alreadyAcknowledged: acknowledgedLevel >= level };
}
