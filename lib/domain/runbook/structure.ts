import type { Heading, Nodes, Root } from 'mdast';
import { oneLine, plainText } from './text';
import { headingTimeHint } from './time-hints';

/**
 * Which headings are the document title, and which heading level holds the phases. Runbooks
 * differ: one puts phases at "##" with "###" sections, another groups "### Phase 1 (T-30)"
 * under "## Go-Live Schedule". The level is chosen by structure, not by a fixed depth.
 */

/** Task-item nesting followed when counting; deeper lists are hostile input, not runbooks. */
export const MAX_NESTING = 64;

export function countTasks(node: Nodes, depth = 0): number {
  if (depth > MAX_NESTING) return 0;
  let n = node.type === 'listItem' && typeof node.checked === 'boolean' ? 1 : 0;
  if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
    for (const child of node.children) n += countTasks(child, depth + 1);
  }
  return n;
}

export type Outline = {
  /** Headings that only title the document; they neither open phases nor sections. */
  titleNodes: Set<Heading>;
  title: string | null;
  phaseDepth: number | null;
};

const FILE_NAME = /^[\w.-]+\.(?:md|markdown|txt|rst)$/i;

export function headingText(node: Heading): string {
  return oneLine(plainText(node));
}

/** How many "#" headings have task items of their own beneath them. */
function h1sWithItems(nodes: Root['children']): number {
  let count = 0;
  let open = false;
  let counted = false;
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 1) {
      open = true;
      counted = false;
    } else if (open && !counted && node.type !== 'heading' && countTasks(node) > 0) {
      count += 1;
      counted = true;
    }
  }
  return count;
}

export function outline(root: Root): Outline {
  const nodes = root.children;
  const titleNodes = new Set<Heading>();
  let title: string | null = null;
  // Several "# Phase N" headings, each with its own tasks, are phases; otherwise the leading
  // "#" headings only title the document.
  const h1Phases = h1sWithItems(nodes) >= 2;
  for (const node of nodes) {
    if (node.type === 'heading') {
      if (node.depth !== 1) break;
      const text = headingText(node);
      if (!title || (FILE_NAME.test(title) && !FILE_NAME.test(text))) title = text || title;
      if (!h1Phases) titleNodes.add(node);
      continue;
    }
    if (node.type === 'list' || node.type === 'table' || node.type === 'code') break;
  }
  if (!title) {
    const first = nodes.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
    if (first) title = headingText(first);
  }
  return { titleNodes, title, phaseDepth: choosePhaseDepth(nodes, titleNodes) };
}

type HeadingInfo = { depth: number; items: number; phaseWord: boolean; timed: boolean; parent: HeadingInfo | null };

function choosePhaseDepth(nodes: Root['children'], titleNodes: Set<Heading>): number | null {
  const open: Array<HeadingInfo | null> = new Array(7).fill(null);
  const headings: HeadingInfo[] = [];
  const covered = new Array(7).fill(0);
  let total = 0;
  for (const node of nodes) {
    if (node.type === 'heading') {
      if (titleNodes.has(node)) continue;
      const text = headingText(node);
      const { hint } = headingTimeHint(text);
      const parent =
        open
          .slice(1, node.depth)
          .reverse()
          .find((h) => h) ?? null;
      const info: HeadingInfo = {
        depth: node.depth,
        items: 0,
        phaseWord: /^(?:phase|stage)\b/i.test(text),
        timed: Boolean(hint && (hint.startMin !== null || hint.clockStart)),
        parent,
      };
      headings.push(info);
      open[node.depth] = info;
      for (let d = node.depth + 1; d <= 6; d += 1) open[d] = null;
      continue;
    }
    const n = countTasks(node);
    if (!n) continue;
    total += n;
    for (let d = 1; d <= 6; d += 1) {
      if (!open[d]) continue;
      covered[d] += n;
      open[d]!.items += n;
    }
  }
  if (!total) return null;

  let best: { depth: number; score: number } | null = null;
  for (let d = 1; d <= 6; d += 1) {
    const level = headings.filter((h) => h.depth === d);
    if (!level.some((h) => h.items > 0)) continue;
    const phaseWords = level.filter((h) => h.phaseWord).length;
    // A time on a heading nested under a timed heading is a step of that phase, not a phase.
    const timed = level.filter((h) => h.timed && !h.parent?.timed).length;
    const score = (10 * covered[d]) / total + 3 * phaseWords + 2 * timed;
    if (!best || score > best.score + 1e-9) best = { depth: d, score };
  }
  return best?.depth ?? null;
}
