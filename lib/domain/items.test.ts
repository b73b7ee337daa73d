import { describe, expect, it } from 'vitest';
import { checkItemChange, isFinished } from './items';

describe('item state rules', () => {
  it('needs a note to block or skip an item', () => {
    expect(checkItemChange('blocked', null)).toMatchObject({ ok: false, code: 'note_required', message: expect.stringContaining('blocked') });
    expect(checkItemChange('skipped', '   ')).toMatchObject({ ok: false, code: 'note_required', message: expect.stringContaining('skipped') });
    expect(checkItemChange('blocked', 'replica lag 40 s')).toEqual({ ok: true });
  });

  it('needs no note to tick, start or re-open an item', () => {
    for (const status of ['done', 'in_progress', 'pending'] as const) expect(checkItemChange(status, undefined)).toEqual({ ok: true });
  });

  it('counts done and skipped as finished, nothing else', () => {
    expect(isFinished('done')).toBe(true);
    expect(isFinished('skipped')).toBe(true);
    expect(isFinished('blocked')).toBe(false);
    expect(isFinished('in_progress')).toBe(false);
  });
});
