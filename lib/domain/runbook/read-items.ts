import type { List, ListItem, Paragraph } from 'mdast';
import { takeCheckLines, unreadableCheckWarning } from '../check-lines';
import { IC_ROLE, MAX_ITEM_DEPTH as TEMPLATE_MAX_ITEM_DEPTH, type TemplateItem } from '../template-definition';
import { takeOwnerHint } from './owner-hints';
import { looksLikeRole, type RoleBook } from './roles';
import { nodeLine, oneLine, plainText, truncate } from './text';

/**
 * Task-list items ("- [ ]" / "- [x]") read into checklist items: one item per task line,
 * nested tasks as children, the fenced block under an item as its command and an
 * "Expected: …" line as its expected output, and exactly one owning role.
 */

/**
 * Item nesting kept: imported steps nest no deeper than a template may (lib/domain/template.ts);
 * deeper task lists are attached at this depth (hostile input only).
 */
export const MAX_ITEM_DEPTH = TEMPLATE_MAX_ITEM_DEPTH;

/**
 * Where an owner came from decides how boldly it is resolved: an "Owner: X" line may create
 * a role, a "**Label**:" only when it reads like a role, a heading only when it is one.
 */
export type OwnerHint = { raw: string; mode: 'explicit' | 'label' | 'exact' };

export type ItemScope = {
  section: string | null;
  /** Owner from a responsibility label right above the list ("**Database Admin**:"). */
  blockOwner: OwnerHint | null;
  /** Owners from enclosing headings and "Owner:" lines, innermost first. */
  scopeOwners: OwnerHint[];
};

const EXPECTED = /^expected(?:\s+output|\s+result)?\s*:\s*/i;
const EXPECTED_COMMENT = /^\s*(?:#|\/\/|--|;|REM\b)\s*expected(?:\s+output|\s+result)?\s*:\s*(.*)$/i;

export function expectedLabel(text: string): { rest: string } | null {
  const m = EXPECTED.exec(text.trim());
  return m ? { rest: text.trim().slice(m[0].length).trim() } : null;
}

/** Sets the command, and the expected output from "# Expected: …" comments in it. */
export function attachCommand(item: TemplateItem, code: string): void {
  item.command = truncate(code, 20000);
  if (item.expectedOutput) return;
  const expected = code
    .split('\n')
    .map((line) => EXPECTED_COMMENT.exec(line)?.[1]?.trim())
    .filter((line): line is string => Boolean(line));
  if (expected.length) item.expectedOutput = truncate(expected.join('\n'), 5000);
}

export function attachExpected(item: TemplateItem, text: string): void {
  item.expectedOutput = truncate(text, 5000);
}

const MENTION_END = /(?:^|\s)@([A-Za-z][\w-]{0,39})[.,;:!]?\s*$/;
const MENTION_START = /^@([A-Za-z][\w-]{0,39})\s+/;
const MENTION_ANY = /(?:^|\s)@([A-Za-z][\w-]{0,39})\b/g;

/** "@dba" at the end or start of an item (or any known role mentioned inside), stripped. */
export function takeMention(text: string, roles: RoleBook): { title: string; roleKey: string | null } {
  const end = MENTION_END.exec(text);
  if (end) {
    const key = roles.resolve(end[1], { create: true });
    return { title: oneLine(text.slice(0, end.index)), roleKey: key };
  }
  const start = MENTION_START.exec(text);
  if (start) {
    const key = roles.resolve(start[1], { create: true });
    return { title: oneLine(text.slice(start[0].length)), roleKey: key };
  }
  for (const m of text.matchAll(MENTION_ANY)) {
    const key = roles.resolve(m[1]);
    if (key) return { title: oneLine(text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)), roleKey: key };
  }
  return { title: text, roleKey: null };
}

export function resolveOwner(hint: OwnerHint, roles: RoleBook): string | null {
  if (hint.mode === 'explicit') return roles.resolve(hint.raw, { create: true });
  if (hint.mode === 'exact') return roles.resolve(hint.raw, { exact: true });
  return roles.resolve(hint.raw, { create: looksLikeRole(hint.raw) });
}

/** A plain bullet that only names a role ("- **DBA**" / "- DBA:") and holds the tasks below. */
function labelOf(item: ListItem): string | null {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return null;
  const strong = first.children.length <= 2 && first.children[0]?.type === 'strong';
  const text = oneLine(plainText(first));
  if (!strong && !text.endsWith(':')) return null;
  const label = text.replace(/:$/, '').trim();
  return label && label.length <= 60 ? label : null;
}

/** Lists among the children of a list item, looking through quotes ("- > - [ ] …"). */
function nestedLists(children: ListItem['children'], depth = 0): List[] {
  const out: List[] = [];
  for (const child of children) {
    if (child.type === 'list') out.push(child);
    else if (child.type === 'blockquote' && depth < 32)
      out.push(...nestedLists(child.children as ListItem['children'], depth + 1));
  }
  return out;
}

export type ItemSink = {
  add: (item: TemplateItem) => void;
  onTooDeep: (line: number) => void;
  /** A problem worth a warning in the import preview (a "Check:" line that could not be read). */
  warn: (line: number, message: string) => void;
};

/** The paragraph's "Check: …" lines taken out; the ones that could not be read, warned about. */
export function takeChecks(paragraph: Paragraph, warn: ItemSink['warn']) {
  const taken = takeCheckLines(plainText(paragraph));
  for (const bad of taken.unreadable) warn(nodeLine(paragraph) + bad.offset, unreadableCheckWarning(bad));
  return taken;
}

export class ItemReader {
  /** Items whose owner was named on the item itself; their children inherit it. */
  private readonly explicit = new WeakSet<TemplateItem>();
  private readonly parents = new WeakMap<TemplateItem, TemplateItem | null>();

  constructor(private readonly roles: RoleBook) {}

  /** Reads one list; returns the last task item in it (where a following code block goes). */
  readList(
    list: List,
    scope: ItemScope,
    sink: ItemSink,
    parent: TemplateItem | null = null,
    depth = 0,
  ): TemplateItem | null {
    let last: TemplateItem | null = null;
    for (const entry of list.children) {
      if (typeof entry.checked === 'boolean') {
        const item = this.readItem(entry, scope, parent, sink);
        if (parent) parent.children.push(item);
        else sink.add(item);
        last = item;
        const nested = this.readChildren(entry, item, scope, sink, depth);
        if (nested) last = nested;
        continue;
      }
      // A plain bullet: tasks under it belong to the current parent, owned by its label if any.
      const label = labelOf(entry);
      const inner = label ? { ...scope, blockOwner: { raw: label, mode: 'label' as const } } : scope;
      for (const child of nestedLists(entry.children)) {
        const nested = this.readList(child, inner, sink, parent, depth + 1);
        if (nested) last = nested;
      }
    }
    return last;
  }

  private readChildren(
    entry: ListItem,
    item: TemplateItem,
    scope: ItemScope,
    sink: ItemSink,
    depth: number,
  ): TemplateItem | null {
    let last: TemplateItem | null = null;
    let expectNext = false;
    // The first paragraph is the title; what follows it is command, expected output, sub-items.
    const rest = entry.children[0]?.type === 'paragraph' ? entry.children.slice(1) : entry.children;
    for (const child of rest) {
      if (child.type === 'code') {
        if (expectNext) attachExpected(item, child.value);
        else if (!item.command) attachCommand(item, child.value);
        expectNext = false;
      } else if (child.type === 'paragraph') {
        const { rest: text, check } = takeChecks(child, sink.warn);
        if (check) item.check = check;
        const expected = expectedLabel(text);
        if (expected?.rest) attachExpected(item, expected.rest);
        expectNext = Boolean(expected && !expected.rest);
      } else if (child.type === 'list' || child.type === 'blockquote') {
        for (const list of nestedLists([child])) {
          // Past the depth cap, deeper tasks become siblings instead of ever-deeper children.
          const tooDeep = depth + 1 >= MAX_ITEM_DEPTH;
          if (tooDeep) sink.onTooDeep(nodeLine(list));
          const nested = this.readList(list, scope, sink, tooDeep ? (this.parents.get(item) ?? null) : item, depth + 1);
          if (nested) last = nested;
        }
      }
    }
    return last;
  }

  private readItem(entry: ListItem, scope: ItemScope, parent: TemplateItem | null, sink: ItemSink): TemplateItem {
    const first = entry.children[0];
    // "Check: …" right under the title is in the title's paragraph: taken out, kept as the check.
    const titled = first && first.type === 'paragraph' ? takeChecks(first, sink.warn) : null;
    const raw = titled ? oneLine(titled.rest) : '';
    const at = takeMention(raw.slice(0, 4000), this.roles);
    const mention = at.roleKey ? at : takeOwnerHint(at.title, this.roles);
    const title = truncate(mention.title || raw || 'Untitled item', 2000);
    const stated =
      mention.roleKey ??
      (parent && this.explicit.has(parent) ? parent.roleKey : null) ??
      (scope.blockOwner ? resolveOwner(scope.blockOwner, this.roles) : null) ??
      this.firstOwner(scope.scopeOwners) ??
      this.roles.leadingRole(title);
    const item: TemplateItem = {
      title,
      roleKey: stated ?? IC_ROLE.key,
      // "default" until role-suggestions.ts has looked at the step.
      roleSource: stated ? 'runbook' : 'default',
      section: scope.section,
      command: null,
      expectedOutput: null,
      doneBeforeStart: entry.checked === true,
      line: nodeLine(entry),
      children: [],
    };
    if (titled?.check) item.check = titled.check;
    if (mention.roleKey || (parent && this.explicit.has(parent))) this.explicit.add(item);
    this.parents.set(item, parent);
    return item;
  }

  private firstOwner(hints: OwnerHint[]): string | null {
    for (const hint of hints) {
      const key = resolveOwner(hint, this.roles);
      if (key) return key;
    }
    return null;
  }
}
