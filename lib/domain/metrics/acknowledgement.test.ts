import { describe, expect, it } from 'vitest';
import { acknowledgedAfterChange, checkAcknowledge, needsAcknowledgement } from './acknowledgement';

describe('needsAcknowledgement', () => {
  it('asks at level 2 and 3 until acknowledged at that level or higher', () => {
    expect(needsAcknowledgement(1, 0)).toBe(false);
    expect(needsAcknowledgement(2, 0)).toBe(true);
    expect(needsAcknowledgement(2, 2)).toBe(false);
    expect(needsAcknowledgement(3, 2)).toBe(true);
    expect(needsAcknowledgement(2, 3)).toBe(false);
  });
});

describe('acknowledgedAfterChange', () => {
  it('keeps the acknowledgement while raised and wipes it back at level 1', () => {
    expect(acknowledgedAfterChange(3, 2)).toBe(2);
    expect(acknowledgedAfterChange(2, 3)).toBe(3);
    expect(acknowledgedAfterChange(1, 3)).toBe(0);
  });
});

describe('checkAcknowledge', () => {
  it('refuses at level 1 and when the level moved on', () => {
    expect(checkAcknowledge(1, 0, null)).toMatchObject({ ok: false, code: 'conflict' });
    const moved = checkAcknowledge(3, 0, 2);
    expect(moved.ok).toBe(false);
    if (!moved.ok) expect(moved.message).toMatch(/moved to level 3/);
  });

  it('accepts the current level, and says when it was already acknowledged', () => {
    expect(checkAcknowledge(2, 0, 2)).toEqual({ ok: true, alreadyAcknowledged: false });
    expect(checkAcknowledge(3, 3, undefined)).toEqual({ ok: true, alreadyAcknowledged: true });
  });
});
