/**
 * Rollback levels as the decision tree and the runbooks name them. The API takes the word
 * (`minor | major | critical`); the state machine and the health engine count 1 · 2 · 3.
 */
import type { RollbackLevel } from './deployment-state';

export const ROLLBACK_LEVELS = ['minor', 'major', 'critical'] as const;
export type RollbackLevelName = (typeof ROLLBACK_LEVELS)[number];

const NUMBER: Record<RollbackLevelName, RollbackLevel> = { minor: 1, major: 2, critical: 3 };

export const ROLLBACK_LEVEL_LABEL: Record<RollbackLevelName, string> = {
  minor: 'Level 1 · minor',
  major: 'Level 2 · major',
  critical: 'Level 3 · critical',
};

/** What each level means for the people in the room, shown next to the choice. */
export const ROLLBACK_LEVEL_HINT: Record<RollbackLevelName, string> = {
  minor: 'Contained problem; roll back calmly, in order',
  major: 'Customers affected; roll back now, keep comms close',
  critical: 'Outage or data at risk; roll back immediately, everyone on it',
};

export function rollbackLevelNumber(name: RollbackLevelName): RollbackLevel {
  return NUMBER[name];
}

/** Accepts the word or the number; anything else is null (the caller refuses it). */
export function toRollbackLevelName(value: unknown): RollbackLevelName | null {
  if (typeof value === 'string' && (ROLLBACK_LEVELS as readonly string[]).includes(value))
    return value as RollbackLevelName;
  if (value === 1 || value === 2 || value === 3) return ROLLBACK_LEVELS[value - 1];
  return null;
}
