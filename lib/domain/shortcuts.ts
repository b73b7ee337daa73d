/**
 * Checklist keyboard shortcuts ("fast hands", UX.md): the pure key → action mapping. The DOM hook
 * only describes the key press and what has focus; every rule about which keys count, when they
 * are ignored and how the `g n` sequence works lives here, so it is tested without a browser.
 */

export type ShortcutAction = 'next' | 'previous' | 'toggle' | 'note' | 'evidence' | 'nextPhase' | 'help';

/** What has focus: a field that takes typing, a control with its own keys, or anything else. */
export type FocusKind = 'typing' | 'control' | 'other';

export type KeyPress = {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  /** Held down: the browser repeats keydown. */
  repeat?: boolean;
  /** An IME is composing a character: the key belongs to it. */
  isComposing?: boolean;
  focus: FocusKind;
  dialogOpen: boolean;
};

/** The first key of a two-key sequence, waiting for the second; null when none is pending. */
export type Pending = 'g' | null;

export type KeyResult = { action: ShortcutAction | null; pending: Pending };

const SINGLE_KEYS: Readonly<Record<string, ShortcutAction>> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  x: 'toggle',
  ' ': 'toggle',
  n: 'note',
  e: 'evidence',
  '?': 'help',
};

// Holding j or ↓ walks down the list; holding x must not flip an item back and forth.
const REPEATABLE: ReadonlySet<ShortcutAction> = new Set(['next', 'previous']);

const NOTHING: KeyResult = { action: null, pending: null };

/**
 * The action a key press asks for, given the sequence key pressed before it. Ignored (and any
 * pending sequence dropped): while typing in a field, while a dialog is open, with Ctrl / Meta /
 * Alt (browser and OS shortcuts), with Shift except for `?` (Shift is how `?` is typed; Shift+↓
 * selects text). Space on a focused button or link is that control's own click.
 */
export function keyToAction(press: KeyPress, pending: Pending): KeyResult {
  if (press.focus === 'typing' || press.dialogOpen || press.isComposing) return NOTHING;
  if (press.ctrlKey || press.metaKey || press.altKey) return NOTHING;
  if (press.shiftKey && press.key !== '?') return NOTHING;

  // "Next phase" changes the war room for everyone: two keys, so a stray press never does it.
  if (pending === 'g' && press.key === 'n') return { action: press.repeat ? null : 'nextPhase', pending: null };
  if (press.key === 'g') return { action: null, pending: 'g' };

  const action = SINGLE_KEYS[press.key];
  if (!action) return NOTHING;
  if (press.repeat && !REPEATABLE.has(action)) return NOTHING;
  if (press.key === ' ' && press.focus === 'control') return NOTHING;
  return { action, pending: null };
}

/**
 * The item selected after moving: the first (down) or last (up) when nothing visible is selected,
 * else one step, stopping at either end rather than wrapping round (a wrap would look like a jump).
 */
export function moveSelection(
  ids: readonly string[],
  current: string | null,
  direction: 'next' | 'previous',
): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index < 0) return direction === 'next' ? ids[0] : ids[ids.length - 1];
  const target = direction === 'next' ? Math.min(index + 1, ids.length - 1) : Math.max(index - 1, 0);
  return ids[target];
}

/** One line of the `?` overlay: each entry of `keys` is one way to do it, as keys pressed in turn. */
export type ShortcutHelp = { action: ShortcutAction; keys: readonly (readonly string[])[]; label: string };

/** The overlay's list, in the order people reach for them; labels use the runbooks' words. */
export const SHORTCUT_HELP: readonly ShortcutHelp[] = [
  { action: 'next', keys: [['j'], ['↓']], label: 'Select the next item' },
  { action: 'previous', keys: [['k'], ['↑']], label: 'Select the previous item' },
  { action: 'toggle', keys: [['x'], ['Space']], label: 'Tick or untick the selected item' },
  { action: 'note', keys: [['n']], label: 'Add or edit the selected item’s note' },
  { action: 'evidence', keys: [['e']], label: 'Attach evidence (output or a link) to the selected item' },
  { action: 'nextPhase', keys: [['g', 'n']], label: 'Start or complete the next phase' },
  { action: 'help', keys: [['?']], label: 'Show these shortcuts' },
];
