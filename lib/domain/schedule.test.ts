import { describe, expect, it } from 'vitest';
import { rescheduleRefusal } from './schedule';

describe('rescheduleRefusal', () => {
  it('lets T0 move while planned or in preflight (held or not), and refuses it once the go-live runs', () => {
    expect(rescheduleRefusal('planned', null)).toBeNull();
    expect(rescheduleRefusal('preflight', null)).toBeNull();
    expect(rescheduleRefusal('on_hold', 'preflight')).toBeNull();
    expect(rescheduleRefusal('on_hold', 'in_progress')).toMatch(/on hold: the go-live time can only move before/);
    for (const state of ['in_progress', 'monitoring', 'rolling_back', 'completed', 'rolled_back', 'aborted'] as const)
      expect(rescheduleRefusal(state, null)).toMatch(/Post a status update/);
  });
});
