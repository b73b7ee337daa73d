import { describe, expect, it } from 'vitest';
import { checkTransition } from './deployment-state';
import { ROLLBACK_LEVELS, rollbackLevelNumber, toRollbackLevelName } from './rollback';

describe('rollback levels', () => {
  it('maps words to the decision-tree numbers the state machine accepts', () => {
    expect(ROLLBACK_LEVELS.map(rollbackLevelNumber)).toEqual([1, 2, 3]);
    for (const name of ROLLBACK_LEVELS) {
      expect(
        checkTransition({
          from: 'in_progress',
          to: 'rolling_back',
          level: rollbackLevelNumber(name),
          reason: 'error rate 12 %',
        }).ok,
      ).toBe(true);
    }
  });

  it('reads the word or the number, nothing else', () => {
    expect(toRollbackLevelName('major')).toBe('major');
    expect(toRollbackLevelName(3)).toBe('critical');
    expect(toRollbackLevelName(1)).toBe('minor');
    expect(toRollbackLevelName('Major')).toBeNull();
    expect(toRollbackLevelName(4)).toBeNull();
    expect(toRollbackLevelName('2')).toBeNull();
    expect(toRollbackLevelName(undefined)).toBeNull();
  });
});
