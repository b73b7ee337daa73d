/**
 * Limits applied to the raw text before it reaches the Markdown parser. Markdown parsers are
 * linear on ordinary documents but slow down badly on a few shapes no runbook has: one
 * paragraph with thousands of `*` or `[`, lists nested hundreds of levels deep, `>>>>>…`
 * chains (which can even overflow the stack), tables of thousands of rows pasted from a log.
 * Each guard rewrites only the offending lines,
 * keeps the line count (so every reported line number stays true) and leaves code blocks
 * alone; an ordinary runbook passes through byte for byte.
 */

export type GuardWarning = { line: number; message: string };

export const MAX_LINE_CHARS = 10_000;
/** Columns of indentation kept; deeper lines are pulled back to this depth. */
export const MAX_INDENT = 96;
/** `>` and list markers kept at the start of one line. */
export const MAX_CONTAINER_MARKERS = 16;
/** Emphasis/link/code marks allowed in one paragraph before they are read as plain text. */
export const MAX_INLINE_MARKS = 200;
/** Rows read per table. Real runbook tables have dozens; the cap keeps a pasted log or CSV
 *  dump from dominating the import (rows past it are blanked before parsing). */
export const MAX_TABLE_ROWS = 500;

type LineInfo = { prefixEnd: number; markers: number; indent: number; content: string; quotes: number };

function scanPrefix(line: string): LineInfo {
  // Where a trailing run of "-", "*", "_" and blanks starts: only there can "- - -" be a rule.
  let ruleFrom = line.length;
  while (ruleFrom > 0 && /[-*_ \t]/.test(line[ruleFrom - 1])) ruleFrom -= 1;
  let pos = 0;
  let markers = 0;
  let quotes = 0;
  let indent = 0;
  let column = 0;
  for (;;) {
    const start = pos;
    while (pos < line.length && (line[pos] === ' ' || line[pos] === '\t')) {
      column += line[pos] === '\t' ? 4 - (column % 4) : 1;
      pos += 1;
    }
    if (markers === 0) indent = column;
    if (line[pos] === '>') {
      markers += 1;
      quotes += 1;
      pos += 1;
      column += 1;
      continue;
    }
    const list = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/.exec(line.slice(pos, pos + 11));
    if (list && !(pos >= ruleFrom && /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line.slice(pos)))) {
      markers += 1;
      pos += list[0].length;
      column += list[0].length;
      continue;
    }
    if (pos === start) break;
    if (pos >= line.length) break;
  }
  return { prefixEnd: pos, markers, indent, content: line.slice(pos), quotes };
}

const FENCE = /^(`{3,}|~{3,})/;
const TABLE_DELIMITER = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/;
const MARKS = /\\?[*_[\]`~]/g;

export function guardMarkdown(input: string): { text: string; warnings: GuardWarning[] } {
  const lines = input.split('\n');
  const warnings: GuardWarning[] = [];
  const warned = new Set<string>();
  const warn = (kind: string, line: number, message: string) => {
    if (warned.has(kind)) return;
    warned.add(kind);
    warnings.push({ line, message });
  };

  let fence: { char: string; length: number; quotes: number; indent: number } | null = null;
  // Inline contexts: runs of lines the parser reads as one paragraph, heading or cell row.
  const contextOf: number[] = new Array(lines.length).fill(-1);
  const marks: number[] = [];
  let context = -1;
  let table: { line: number; rows: number; skipped: number } | null = null;
  const endTable = () => {
    if (table?.skipped) {
      warnings.push({
        line: table.line,
        message: `This table has ${table.rows} rows; only the first ${MAX_TABLE_ROWS} were read.`,
      });
    }
    table = null;
  };

  for (let i = 0; i < lines.length; i += 1) {
    let line = lines[i];
    const cr = line.endsWith('\r') ? '\r' : '';
    if (cr) line = line.slice(0, -1);
    // Long lines inside code blocks are commands (a JSON payload, a key) and cost nothing to parse.
    if (line.length > MAX_LINE_CHARS && !fence) {
      line = line.slice(0, MAX_LINE_CHARS);
      warn('line', i + 1, `Line ${i + 1} is longer than ${MAX_LINE_CHARS} characters; the rest of it was ignored.`);
    }
    const info = scanPrefix(line);
    const blank = info.content.trim() === '' && info.markers === 0;

    if (fence) {
      const closes = FENCE.exec(info.content.trim());
      const leftContainer =
        !blank &&
        (info.quotes < fence.quotes ||
          (fence.indent > 0 && info.indent < fence.indent && info.quotes === fence.quotes));
      if (
        (closes &&
          closes[1][0] === fence.char &&
          closes[1].length >= fence.length &&
          info.content.trim() === closes[1]) ||
        leftContainer
      ) {
        fence = null;
        if (!leftContainer) {
          lines[i] = line + cr;
          context = -1;
          continue;
        }
      } else {
        lines[i] = line + cr;
        continue;
      }
    }

    if (info.markers > MAX_CONTAINER_MARKERS || info.indent > MAX_INDENT) {
      warn('nesting', i + 1, `Line ${i + 1} is nested deeper than a runbook needs; deeper levels were flattened.`);
      const kept = scanPrefix(line.slice(0, info.prefixEnd));
      const prefix = line.slice(0, info.prefixEnd).replace(/^[ \t]+/, ' '.repeat(Math.min(kept.indent, MAX_INDENT)));
      line = limitMarkers(prefix) + info.content;
    }

    const opening = FENCE.exec(info.content.trim());
    if (opening) {
      fence = {
        char: opening[1][0],
        length: opening[1].length,
        quotes: info.quotes,
        indent: info.indent + (info.markers > info.quotes ? 2 : 0),
      };
      lines[i] = line + cr;
      context = -1;
      continue;
    }

    if (blank) {
      context = -1;
      endTable();
    } else {
      const trimmed = info.content.trim();
      if (!trimmed.includes('|')) endTable();
      else if (!table && TABLE_DELIMITER.test(trimmed)) table = { line: i, rows: 0, skipped: 0 };
      else if (table && (table.rows += 1) > MAX_TABLE_ROWS) {
        table.skipped += 1;
        lines[i] = cr;
        context = -1;
        continue;
      }
      const inTable = table !== null;
      // Each list item, heading and table row is parsed on its own; other lines join the
      // paragraph above them, which is where the parser's cost grows.
      const startsBlock = info.markers > info.quotes || /^#{1,6}(?:\s|$)/.test(trimmed) || inTable;
      if (context < 0 || startsBlock) {
        context = marks.length;
        marks.push(0);
      }
      contextOf[i] = context;
      marks[context] += countMarks(info.content);
    }
    lines[i] = line + cr;
  }

  endTable();
  let escaped = false;
  for (let i = 0; i < lines.length; i += 1) {
    const c = contextOf[i];
    if (c < 0 || marks[c] <= MAX_INLINE_MARKS) continue;
    if (!escaped) {
      warn(
        'marks',
        i + 1,
        `Line ${i + 1} starts a paragraph with more than ${MAX_INLINE_MARKS} formatting marks; it was read as plain text.`,
      );
      escaped = true;
    }
    const info = scanPrefix(lines[i]);
    const box = /^\[[ xX]\][ \t]/.exec(info.content);
    const keep = info.prefixEnd + (box ? box[0].length : 0);
    lines[i] = lines[i].slice(0, keep) + lines[i].slice(keep).replace(MARKS, (m) => (m.length === 2 ? m : `\\${m}`));
  }
  return { text: lines.join('\n'), warnings };
}

function countMarks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    // * _ [ ] ` ~
    if (c === 42 || c === 95 || c === 91 || c === 93 || c === 96 || c === 126) n += 1;
  }
  return n;
}

/** Keeps the outer markers and the innermost one, so a deep "- [ ] task" stays a task. */
function limitMarkers(prefix: string): string {
  const parts: string[] = [];
  let rest = prefix;
  while (rest.length) {
    const m = /^([ \t]*)(>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))?/.exec(rest)!;
    if (!m[0]) {
      parts.push(rest);
      break;
    }
    if (m[2] || !parts.length) parts.push(m[0]);
    else parts[parts.length - 1] += m[0];
    rest = rest.slice(m[0].length);
  }
  if (parts.length <= MAX_CONTAINER_MARKERS) return parts.join('');
  return [...parts.slice(0, MAX_CONTAINER_MARKERS - 1), ...parts.slice(-1)].join('');
}
