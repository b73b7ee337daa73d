import type { Heading } from 'mdast';
import type { Warn } from './build';
import type { OwnerHint } from './read-items';
import type { PhaseDraft } from './read-phases';
import { looksLikeRole } from './roles';
import type { Outline } from './structure';
import { nodeLine, trailingParen, truncate } from './text';
import { headingTimeHint, parseTimeHint } from './time-hints';

/**
 * Where the walk stands in the document: the phase drafts so far, the phase and section it is
 * in, and the owner each heading level names for what comes under it. Only headings and
 * thematic breaks move it; the walker (build.ts) attaches every other block to where it stands.
 */

// All-caps words in heading parentheses that are not roles ("(UTC)", "(API)").
const NOT_A_ROLE =
  /^(?:utc|gmt|tbd|tba|wip|api|cli|sql|eta|sla|slo|kpi|faq|ui|ux|dns|tls|ssl|cdn|aws|gcp|prod|mvp|poc|na|ok|optional|required)$/i;

export class PhaseCursor {
  readonly drafts: PhaseDraft[] = [];
  current: PhaseDraft | null = null;
  section: string | null = null;
  /** Blocks read since the section heading: a command block right under it has none before it. */
  sectionBlocks = 0;
  private group: string | null = null;
  private headingDepth = 0;
  private readonly scope: Array<OwnerHint | null> = new Array(7).fill(null);

  constructor(
    private readonly outline: Outline,
    private readonly warn: Warn,
  ) {}

  /** A heading other than the title: a phase, a group of phases above it, or a section in one. */
  heading(node: Heading, text: string): void {
    const depth = node.depth;
    this.headingDepth = depth;
    this.scope[depth] = headingOwner(text);
    for (let d = depth + 1; d < this.scope.length; d += 1) this.scope[d] = null;
    const phaseDepth = this.outline.phaseDepth ?? 7;
    if (depth === phaseDepth) {
      this.startPhase(text, nodeLine(node));
    } else if (depth < phaseDepth) {
      this.group = text;
      this.current = null;
      this.section = null;
    } else {
      this.section = truncate(text, 300);
      this.sectionBlocks = 0;
    }
  }

  /** A rule ends the section and its owners; the phase goes on until the next phase heading. */
  thematicBreak(): void {
    const phaseDepth = this.outline.phaseDepth ?? 7;
    this.section = null;
    for (let d = phaseDepth + 1; d < this.scope.length; d += 1) this.scope[d] = null;
    this.headingDepth = Math.min(this.headingDepth, phaseDepth);
  }

  /** "Owner: DBA" as a paragraph owns what follows under the current heading. */
  setOwner(hint: OwnerHint): void {
    this.scope[this.headingDepth] = hint;
  }

  countBlock(): void {
    if (this.current) this.current.blocks += 1;
    this.sectionBlocks += 1;
  }

  /** The owners the headings above name, nearest first. */
  scopeOwners(): OwnerHint[] {
    const hints: OwnerHint[] = [];
    for (let d = this.headingDepth; d >= 0; d -= 1) {
      const hint = this.scope[d];
      if (hint) hints.push(hint);
    }
    return hints;
  }

  /** The phase for content that comes before any phase heading. */
  ensurePhase(line: number): PhaseDraft {
    if (this.current) return this.current;
    const { phaseDepth, title } = this.outline;
    let name = this.group;
    if (!name && phaseDepth === null) name = title ?? 'Checklist';
    if (!name) {
      name = 'Preparation';
      this.warn(
        line,
        'Checklist items come before the first phase heading; they were put in a phase of their own, "Preparation".',
      );
    }
    this.startPhase(name, line);
    this.current!.implicit = true;
    return this.current!;
  }

  private startPhase(text: string, line: number): void {
    const { title, hint } = headingTimeHint(text);
    this.current = {
      title: truncate(title || text || 'Phase', 300),
      rawTitle: truncate(text || 'Phase', 300),
      line,
      group: this.group,
      hint,
      paragraphHint: null,
      kind: null,
      scheduleNone: false,
      description: '',
      items: [],
      gates: [],
      steps: [],
      blocks: 0,
      implicit: false,
    };
    this.drafts.push(this.current);
    this.section = null;
  }
}

/** "Phase 2: Database Migration (DBA)", "(Owner: DBA)" or a heading that is a role's name. */
function headingOwner(text: string): OwnerHint {
  const paren = trailingParen(text);
  if (paren?.before && paren.inner) {
    const owner = /^(?:owner|owned by|lead)\s*:\s*(.+)$/i.exec(paren.inner);
    if (owner) return { raw: owner[1], mode: 'explicit' };
    if (!NOT_A_ROLE.test(paren.inner) && looksLikeRole(paren.inner) && !parseTimeHint(paren.inner))
      return { raw: paren.inner, mode: 'label' };
  }
  const owner = /\bowner\s*:\s*(.{1,60})$/i.exec(text);
  if (owner) return { raw: owner[1], mode: 'explicit' };
  return { raw: text, mode: 'exact' };
}
