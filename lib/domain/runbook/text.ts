import type { Nodes } from 'mdast';

/**
 * Small string helpers shared by the importer and the exporter. Everything here works on one
 * heading, cell or paragraph string at a time, never on the whole document.
 */

/** Plain text of an mdast node. Unlike mdast-util-to-string, hard breaks become newlines so
 *  "**Version**: 1.0  \n**Status**: ready" keeps its lines apart. */
export function plainText(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) {
    let out = '';
    for (const child of node.children as Nodes[]) out += plainText(child);
    return out;
  }
  return '';
}

/** One-line text: whitespace runs collapse to one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function nodeLine(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 0;
}

/** Cuts at a code point boundary so a truncated title never ends in half an emoji. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text.slice(0, max));
  let out = '';
  for (const c of chars) {
    if (out.length + c.length > max - 1) break;
    out += c;
  }
  return `${out}…`;
}

/** Lower-case words joined by `sep`; what role keys and metric series are made of. */
export function slugify(text: string, sep: '-' | '_' = '-'): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .replace(new RegExp(`^\\${sep}+|\\${sep}+$`, 'g'), '');
}

const STATUS_MARKS =
  /^(?:[\p{Extended_Pictographic}\u2190-\u21ff\u2713-\u2718\uFE0F\u200D]|\s)+|(?:[\p{Extended_Pictographic}\uFE0F\u200D]|\s)+$/gu;

/** Drops the ✅ / ❌ / ⚠️ status marks runbooks put around symptom and result lines. */
export function stripStatusMarks(text: string): string {
  return text.replace(STATUS_MARKS, '').trim();
}

/** "Label: rest" split on the first colon, when the label is short enough to be one. */
export function splitLabel(text: string, maxLabel = 80): { label: string; rest: string } | null {
  const index = text.indexOf(':');
  if (index <= 0 || index > maxLabel) return null;
  return { label: text.slice(0, index).trim(), rest: text.slice(index + 1).trim() };
}

/** A trailing "(…)" group, e.g. the "(DBA)" or "(07:30Z - 07:55Z, 25 min)" of a heading;
 *  nested parentheses inside it are kept: "Level 1: Minor ((see 5 min) rule)". */
export function trailingParen(text: string): { before: string; inner: string } | null {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(')')) return null;
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i -= 1) {
    if (trimmed[i] === ')') depth += 1;
    else if (trimmed[i] === '(' && (depth -= 1) === 0) {
      return { before: trimmed.slice(0, i).trim(), inner: trimmed.slice(i + 1, -1).trim() };
    }
  }
  return null;
}
