import { describe, expect, it } from 'vitest';
import { keyToAction, moveSelection, SHORTCUT_HELP, type KeyPress, type Pending } from './shortcuts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  focus: 'other',
  dialogOpen: false,
  ...extra,
});
const action = (key: string, extra: Partial<KeyPress> = {}, pending: Pending = null) =>
  keyToAction(press(key, extra), pending).action;

describe('checklist key mapping', () => {
  it('maps the single keys', () => {
    expect(action('j')).toBe('next');
    expect(action('ArrowDown')).toBe('next');
    expect(action('k')).toBe('previous');
    expect(action('ArrowUp')).toBe('previous');
    expect(action('x')).toBe('toggle');
    expect(action(' ')).toBe('toggle');
    expect(action('n')).toBe('note');
    expect(action('e')).toBe('evidence');
    expect(action('?', { shiftKey: true })).toBe('help');
  });

  it('ignores keys it does not know, and upper case', () => {
    for (const key of ['a', 'J', 'X', 'Enter', 'Escape', 'Tab', 'Shift']) expect(action(key)).toBeNull();
  });

  it('ignores every key while typing in a field or while a dialog is open', () => {
    for (const key of ['j', 'x', ' ', 'n', '?', 'g', 'ArrowDown']) {
      expect(action(key, { focus: 'typing' })).toBeNull();
      expect(action(key, { dialogOpen: true })).toBeNull();
    }
    expect(keyToAction(press('n', { focus: 'typing' }), 'g')).toEqual({ action: null, pending: null });
  });

  it('ignores keys with Ctrl, Meta or Alt, and with Shift except for ?', () => {
    expect(action('x', { ctrlKey: true })).toBeNull();
    expect(action('j', { metaKey: true })).toBeNull();
    expect(action('k', { altKey: true })).toBeNull();
    expect(action('?', { shiftKey: true, ctrlKey: true })).toBeNull();
    expect(action('ArrowDown', { shiftKey: true })).toBeNull();
    expect(action('?')).toBe('help');
  });

  it('ignores keys an input method is composing', () => {
    expect(action('x', { isComposing: true })).toBeNull();
  });

  it('leaves Space to a focused button or link, but not the letter keys', () => {
    expect(action(' ', { focus: 'control' })).toBeNull();
    expect(action('x', { focus: 'control' })).toBe('toggle');
    expect(action('j', { focus: 'control' })).toBe('next');
  });

  it('repeats moves when a key is held, never a tick, a note, help or a phase change', () => {
    expect(action('j', { repeat: true })).toBe('next');
    expect(action('ArrowUp', { repeat: true })).toBe('previous');
    expect(action('x', { repeat: true })).toBeNull();
    expect(action(' ', { repeat: true })).toBeNull();
    expect(action('n', { repeat: true })).toBeNull();
    expect(action('?', { repeat: true })).toBeNull();
    expect(action('n', { repeat: true }, 'g')).toBeNull();
  });

  it('asks for the next phase only with g then n', () => {
    const first = keyToAction(press('g'), null);
    expect(first).toEqual({ action: null, pending: 'g' });
    expect(keyToAction(press('n'), first.pending)).toEqual({ action: 'nextPhase', pending: null });
    expect(action('n')).toBe('note');
  });

  it('drops a pending g on any other key, which then does its own thing', () => {
    expect(keyToAction(press('j'), 'g')).toEqual({ action: 'next', pending: null });
    expect(keyToAction(press('a'), 'g')).toEqual({ action: null, pending: null });
    expect(keyToAction(press('n', { ctrlKey: true }), 'g')).toEqual({ action: null, pending: null });
    expect(keyToAction(press('g'), 'g')).toEqual({ action: null, pending: 'g' });
  });
});

describe('moving the selection', () => {
  const ids = ['a', 'b', 'c'];

  it('starts at the first item going down and the last going up', () => {
    expect(moveSelection(ids, null, 'next')).toBe('a');
    expect(moveSelection(ids, null, 'previous')).toBe('c');
  });

  it('moves one step and stops at either end', () => {
    expect(moveSelection(ids, 'a', 'next')).toBe('b');
    expect(moveSelection(ids, 'b', 'previous')).toBe('a');
    expect(moveSelection(ids, 'c', 'next')).toBe('c');
    expect(moveSelection(ids, 'a', 'previous')).toBe('a');
  });

  it('starts again when the selected item is no longer shown', () => {
    expect(moveSelection(ids, 'gone', 'next')).toBe('a');
    expect(moveSelection(ids, 'gone', 'previous')).toBe('c');
  });

  it('selects nothing in an empty list', () => {
    expect(moveSelection([], null, 'next')).toBeNull();
    expect(moveSelection([], 'a', 'previous')).toBeNull();
  });
});

describe('the shortcut list', () => {
  it('lists every action exactly once', () => {
    const actions = SHORTCUT_HELP.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect([...actions].sort()).toEqual(['evidence', 'help', 'next', 'nextPhase', 'note', 'previous', 'toggle']);
  });

  it('lists keys that the mapping really maps to that action', () => {
    const typed: Record<string, string> = { '↓': 'ArrowDown', '↑': 'ArrowUp', Space: ' ' };
    for (const { action: expected, keys } of SHORTCUT_HELP) {
      for (const sequence of keys) {
        let pending: Pending = null;
        let result = null;
        for (const key of sequence)
          ({ action: result, pending } = keyToAction(press(typed[key] ?? key, { shiftKey: key === '?' }), pending));
        expect(result).toBe(expected);
      }
    }
  });
});
