import type { Blockquote, Code, Heading, List, ListItem, Paragraph, Root, RootContent, Table } from 'mdast';
import { IC_ROLE, type DecisionLevel, type TemplateGate, type TemplateItem } from '../template-definition';
import type { SeriesLookup } from './conditions';
import { PhaseCursor } from './phase-cursor';
import { DecisionTreeBuilder } from './read-decision-tree';
import { gateFromTable, gateLabel, type GateLabel } from './read-gates';
import { attachCommand, attachExpected, expectedLabel, ItemReader, takeChecks, type OwnerHint } from './read-items';
import type { PhaseDraft } from './read-phases';
import type { RoleBook } from './roles';
import { countTasks, headingText, type Outline } from './structure';
import { classifyTable, readTable } from './tables';
import { nodeLine, oneLine, plainText, truncate } from './text';
import { parseTimeHint } from './time-hints';

/**
 * The pure mapping from the mdast tree to phase drafts, items, gates and the decision tree.
 * One pass over the top-level blocks in document order; headings move the phase / section
 * cursor (phase-cursor.ts), everything else attaches to where the cursor is.
 */

export type Warn = (line: number, message: string) => void;

export type WalkInput = { root: Root; outline: Outline; roles: RoleBook; lookup: SeriesLookup; warn: Warn };
export type WalkResult = { drafts: PhaseDraft[]; decisionTree: DecisionLevel[]; description: string };

export class RunbookWalker {
  private readonly cursor: PhaseCursor;
  private blockOwner: OwnerHint | null = null;
  /** The last task item read, while a following code block or "Expected:" line may belong to it. */
  private chain: { item: TemplateItem; expectNext: boolean } | null = null;
  private gateLabel: GateLabel | null = null;
  private seenHeading = false;
  private readonly description: string[] = [];
  private readonly items: ItemReader;
  private readonly decision: DecisionTreeBuilder;
  private tooDeepWarned = false;

  constructor(private readonly input: WalkInput) {
    this.cursor = new PhaseCursor(input.outline, input.warn);
    this.items = new ItemReader(input.roles);
    this.decision = new DecisionTreeBuilder(input.lookup, input.warn);
  }

  run(): WalkResult {
    const nodes = this.input.root.children;
    nodes.forEach((node, i) => this.block(node, nodes[i + 1] ?? null, true));
    return {
      drafts: this.cursor.drafts,
      decisionTree: this.decision.result(),
      description: this.description.join('\n\n'),
    };
  }

  private block(node: RootContent, next: RootContent | null, topLevel: boolean): void {
    if (node.type === 'heading') {
      if (topLevel) this.heading(node);
      return;
    }
    switch (node.type) {
      case 'paragraph':
        this.paragraph(node, next);
        break;
      case 'list':
        this.list(node);
        break;
      case 'code':
        this.code(node);
        break;
      case 'table':
        this.table(node);
        break;
      case 'thematicBreak':
        this.thematicBreak();
        break;
      case 'blockquote':
        this.quote(node);
        break;
      case 'html':
        break;
      default:
        this.chain = null;
    }
    this.cursor.countBlock();
  }

  private heading(node: Heading): void {
    this.chain = null;
    this.blockOwner = null;
    this.gateLabel = null;
    if (this.input.outline.titleNodes.has(node)) return;
    const text = headingText(node);
    this.seenHeading = true;
    this.decision.heading(node.depth, text);
    this.cursor.heading(node, text);
  }

  private paragraph(node: Paragraph, next: RootContent | null): void {
    const line = nodeLine(node);
    // "Check: …" after a list belongs to its last item, like "Expected: …".
    const taken = takeChecks(node, this.input.warn);
    if (taken.found && !this.chain)
      this.input.warn(line, 'This "Check:" line follows no checklist step, so it checks nothing.');
    if (this.chain) {
      if (taken.check) this.chain.item.check = taken.check;
      if (taken.found && !taken.rest.trim()) return;
    }
    const text = this.chain || !taken.found ? taken.rest : plainText(node);
    const clean = oneLine(text);
    const expected = expectedLabel(text);
    if (expected && this.chain) {
      if (expected.rest) attachExpected(this.chain.item, expected.rest);
      else this.chain.expectNext = true;
      return;
    }
    this.chain = null;
    const kind = /^(?:phase\s+)?kind\s*:\s*(normal|monitoring|rollback)$/i.exec(clean);
    if (kind && this.cursor.current) {
      this.cursor.current.kind = kind[1].toLowerCase() as PhaseDraft['kind'];
      return;
    }
    if (/^schedule\s*:\s*(?:none|unscheduled)$/i.test(clean) && this.cursor.current) {
      this.cursor.current.scheduleNone = true;
      return;
    }
    const owner = /^(?:owner|owned by|responsible|assignee)s?\s*:\s*(.{1,80})$/i.exec(clean);
    if (owner) {
      this.cursor.setOwner({ raw: owner[1], mode: 'explicit' });
      return;
    }
    if (
      next?.type === 'table' &&
      classifyTable(readTable({ ...next, children: next.children.slice(0, 1) }).headers) === 'signoff'
    ) {
      this.gateLabel = gateLabel(clean);
      return;
    }
    if (/^go\s*\/\s*no[- ]?go\b/i.test(clean)) {
      const gate: TemplateGate = {
        title: truncate(clean.replace(/:$/, ''), 300),
        kind: 'gate',
        offsetMin: null,
        requiredRoles: [IC_ROLE.key],
      };
      this.cursor.ensurePhase(line).gates.push(gate);
      return;
    }
    if (this.cursor.current && this.cursor.current.blocks === 0 && !this.cursor.current.paragraphHint) {
      // "**11:30 AM UTC**" right under a phase heading times the phase.
      this.cursor.current.paragraphHint = parseTimeHint(clean.replace(/:$/, ''));
      if (this.cursor.current.paragraphHint) return;
    }
    const labelOnly = isLabelOnly(node, clean);
    this.decision.paragraph(text, labelOnly, line);
    if (labelOnly && next?.type === 'list' && countTasks(next) > 0) {
      this.blockOwner = { raw: clean.replace(/:$/, '').trim(), mode: 'label' };
      return;
    }
    if (!this.seenHeading && clean) this.description.push(text.trim());
  }

  private list(node: List): void {
    this.bullets(node, 0);
    const last = this.items.readList(
      node,
      { section: this.cursor.section, blockOwner: this.blockOwner, scopeOwners: this.cursor.scopeOwners() },
      {
        add: (item) => this.cursor.ensurePhase(item.line ?? nodeLine(node)).items.push(item),
        onTooDeep: (line) => {
          if (this.tooDeepWarned) return;
          this.tooDeepWarned = true;
          this.input.warn(line, 'Checklist items are nested too deeply; the deepest levels were kept as siblings.');
        },
        warn: this.input.warn,
      },
    );
    this.chain = last ? { item: last, expectNext: false } : null;
    this.blockOwner = null;
  }

  /** Plain bullets go to the decision tree (symptoms, "→ rollback" lines). */
  private bullets(list: List, depth: number): void {
    if (depth > 8) return;
    for (const entry of list.children as ListItem[]) {
      if (typeof entry.checked === 'boolean') continue;
      const first = entry.children[0];
      // "- >5% error rate" is parsed as a quote inside the bullet; the author meant ">5%".
      if (first?.type === 'blockquote' && nodeLine(first) === nodeLine(entry)) {
        const quoted = first.children[0];
        if (quoted?.type === 'paragraph')
          this.decision.bullet({ text: `>${plainText(quoted)}`, codeTail: null, line: nodeLine(entry) });
      }
      if (first?.type === 'paragraph') {
        const tail = first.children[first.children.length - 1];
        const codeTail =
          tail?.type === 'inlineCode'
            ? {
                code: tail.value,
                rest: first.children
                  .slice(0, -1)
                  .map((c) => plainText(c))
                  .join(''),
              }
            : null;
        this.decision.bullet({ text: plainText(first), codeTail, line: nodeLine(entry) });
      }
      for (const child of entry.children) if (child.type === 'list') this.bullets(child, depth + 1);
    }
  }

  private code(node: Code): void {
    const chain = this.chain;
    if (chain?.expectNext) {
      attachExpected(chain.item, node.value);
      chain.expectNext = false;
      return;
    }
    if (chain && !chain.item.command) {
      attachCommand(chain.item, node.value);
      return;
    }
    this.chain = null;
    // A step heading followed straight by its command: worth telling the user it has no task.
    const { current, section, sectionBlocks } = this.cursor;
    if (current && section && sectionBlocks === 0 && !current.steps.includes(section)) {
      current.steps.push(section);
    }
  }

  private table(node: Table): void {
    this.chain = null;
    const data = readTable(node);
    if (data.skippedRows) {
      this.input.warn(
        data.line,
        `This table has ${data.rows.length + data.skippedRows} rows; only the first ${data.rows.length} were read.`,
      );
    }
    if (classifyTable(data.headers) === 'signoff') {
      const place = {
        phase: () => this.cursor.ensurePhase(data.line),
        section: this.cursor.section,
        label: this.gateLabel,
      };
      const gate = gateFromTable(data, this.input.roles, place);
      if (gate) this.cursor.ensurePhase(data.line).gates.push(gate);
    }
    this.gateLabel = null;
  }

  private thematicBreak(): void {
    this.cursor.thematicBreak();
    this.chain = null;
    this.blockOwner = null;
    this.decision.thematicBreak();
  }

  private quote(node: Blockquote): void {
    const text = node.children
      .filter((c): c is Paragraph => c.type === 'paragraph')
      .map((p) => plainText(p).trim())
      .join('\n\n');
    const tasks = countTasks(node);
    const current = this.cursor.current;
    if (current && current.blocks === 0 && !current.items.length && !tasks) {
      current.description = truncate(text, 5000);
      return;
    }
    if (!this.seenHeading && !tasks) {
      if (text) this.description.push(text);
      return;
    }
    node.children.forEach((child, i) =>
      this.block(child as RootContent, (node.children[i + 1] as RootContent) ?? null, false),
    );
  }
}

function isLabelOnly(node: Paragraph, clean: string): boolean {
  const [first, second, ...rest] = node.children;
  if (
    first?.type === 'strong' &&
    !rest.length &&
    (!second || (second.type === 'text' && /^\s*:?\s*$/.test(second.value)))
  )
    return true;
  return clean.endsWith(':') && clean.length <= 80;
}
