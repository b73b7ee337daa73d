import { describe, expect, it } from 'vitest';
import { checkItemChange, checkItemWritable, isFinished } from './items';

describe('item state rules', () => {
  it('needs a note to block or skip an item', () => {
    expect(checkItemChange('blocked', null)).toMatchObject({
      ok: false,
      code: 'note_required',
      message: expect.stringContaining('blocked'),
    });
    expect(checkItemChange('skipped', '   ')).toMatchObject({
      ok: false,
      code: 'note_required',
      message: expect.stringContaining('skipped'),
    });
    expect(checkItemChange('blocked', 'replica lag 40 s')).toEqual({ ok: true });
  });

  it('needs no note to tick, start or re-open an item', () => {
    for (const status of ['done', 'in_progress', 'pending'] as const)
      expect(checkItemChange(status, undefined)).toEqual({ ok: true });
  });

  it('counts done and skipped as finished, nothing else', () => {
    expect(isFinished('done')).toBe(true);
    expect(isFinished('skipped')).toBe(true);
    expect(isFinished('blocked')).toBe(false);
    expect(isFinished('in_progress')).toBe(false);
  });
});

describe('checkItemWritable', () => {
  const active = { title: 'Cutover', status: 'active' };
  it('lets items change in pending and active phases of a running or planned deployment', () => {
    for (const state of ['planned', 'preflight', 'in_progress', 'monitoring', 'on_hold', 'rolling_back']) {
      expect(checkItemWritable(state, active)).toEqual({ ok: true });
      expect(checkItemWritable(state, { title: 'Later', status: 'pending' })).toEqual({ ok: true });
    }
  });
  it('refuses once the deployment is finished, saying what to do instead', () => {
    for (const state of ['completed', 'rolled_back', 'aborted']) {
      const check = checkItemWritable(state, active);
      expect(check).toMatchObject({ ok: false, refusal: 'deployment_finished' });
      if (!check.ok) expect(check.message).toMatch(/can no longer change\. Add a note to the timeline instead/);
    }
  });
  it('refuses once the phase is completed or skipped, naming it', () => {
    for (const status of ['completed', 'skipped']) {
      const check = checkItemWritable('in_progress', { title: 'Cutover', status });
      expect(check).toMatchObject({ ok: false, refusal: 'phase_finished' });
      if (!check.ok)
        expect(check.message).toBe(
          `‘Cutover’ is already ${status}: its items can no longer change. Add a note to the timeline instead.`,
        );
    }
  });
});
