import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * Markdown → mdast with remark (GFM). A large document is parsed in pieces cut just before
 * top-level headings: micromark re-copies its whole event list each time list content closes,
 * so one 300 KB runbook costs far more than ten 30 KB ones. A heading at the start of a line,
 * after a blank line and outside a code fence or raw HTML, closes every open block, so the
 * pieces parse exactly as the whole would — except that a "[ref]" link can only see a
 * "[ref]: url" definition in its own piece.
 */

const processor = unified().use(remarkParse).use(remarkGfm);

/** Documents up to this size are parsed in one go. */
export const CHUNK_CHARS = 24_000;

const ATX = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RAW_HTML_OPEN = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)|^ {0,3}<!--/i;

/** Line indexes where a new piece may start. */
function cutPoints(lines: string[], chunkChars: number): number[] {
  const cuts: number[] = [0];
  let fence: string | null = null;
  let rawHtml: RegExp | null = null;
  let size = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && !line.trim().slice(close[1].length))
        fence = null;
    } else if (rawHtml) {
      if (rawHtml.test(line)) rawHtml = null;
    } else if (i > 0 && ATX.test(line) && size >= chunkChars && !lines[i - 1].trim()) {
      cuts.push(i);
      size = 0;
    } else {
      const open = FENCE.exec(line);
      const html = RAW_HTML_OPEN.exec(line);
      if (open) fence = open[1];
      else if (html) {
        const end = html[1] ? new RegExp(`</${html[1]}>`, 'i') : /-->/;
        if (!end.test(line.slice(html[0].length))) rawHtml = end;
      }
    }
    size += line.length + 1;
  }
  return cuts;
}

/** Moves a piece's positions to where the piece sits in the whole document. */
function shift(tree: Root, lines: number, chars: number): void {
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    const pos = node.position;
    if (pos) {
      pos.start = { ...pos.start, line: pos.start.line + lines, offset: (pos.start.offset ?? 0) + chars };
      pos.end = { ...pos.end, line: pos.end.line + lines, offset: (pos.end.offset ?? 0) + chars };
    }
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
}

export function parseMarkdown(text: string, chunkChars = CHUNK_CHARS): Root {
  if (text.length <= chunkChars) return processor.parse(text) as Root;
  const lines = text.split('\n');
  const cuts = cutPoints(lines, chunkChars);
  const root: Root = { type: 'root', children: [] };
  let chars = 0;
  cuts.forEach((from, k) => {
    const piece = lines.slice(from, cuts[k + 1] ?? lines.length).join('\n');
    const tree = processor.parse(piece) as Root;
    shift(tree, from, chars);
    root.children.push(...tree.children);
    chars += piece.length + 1;
  });
  return root;
}
