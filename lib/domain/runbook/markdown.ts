import type { Token } from 'markdown-it';
import MarkdownIt from 'markdown-it';
import type {
  Blockquote,
  Code,
  Heading,
  List,
  ListItem,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  Table,
  TableCell,
  TableRow,
} from 'mdast';

/**
 * Markdown → mdast, the tree the importer reads. markdown-it tokenizes (CommonMark with GFM
 * tables and strikethrough) and this file folds its token stream into mdast nodes, adding what
 * markdown-it does not know: GFM task list items (`- [ ]`, `- [x]`). It replaced remark
 * (micromark), which spent ~170 µs per runbook item — 0.9 s for a 5 000-item runbook on this
 * machine, against the 400 ms an import may take; markdown-it is linear and an order of
 * magnitude faster. Block nodes carry the line they start on (all the importer reports);
 * inline nodes carry none.
 */

const markdown = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
// The size guards (guards.ts) already bound nesting; this only keeps markdown-it from silently
// dropping the rest of a document that is deeper than its default of 100.
markdown.set({ maxNesting: 1000 });

type Container = Root | Blockquote | List | ListItem | Table | TableRow;
type Inline = { type: string; children: PhrasingContent[] };

function at(token: Token) {
  const line = (token.map?.[0] ?? 0) + 1;
  const end = token.map?.[1] ?? line;
  return { start: { line, column: 1 }, end: { line: end, column: 1 } };
}

function attr(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value == null ? null : String(value);
}

function alignOf(token: Token): 'left' | 'right' | 'center' | null {
  const style = attr(token, 'style') ?? '';
  const match = /text-align:(left|right|center)/.exec(style);
  return match ? (match[1] as 'left' | 'right' | 'center') : null;
}

/** markdown-it's inline tokens → phrasing nodes; adjacent text (and soft breaks, which mdast
 *  keeps as "\n" inside text) is joined into one text node, as remark would have it. */
function phrasing(tokens: Token[]): PhrasingContent[] {
  const root: Inline = { type: 'root', children: [] };
  const stack: Inline[] = [root];
  const push = (node: PhrasingContent) => {
    if (node.type === 'text' && !node.value) return; // markdown-it leaves empty text around delimiters
    const siblings = stack[stack.length - 1].children;
    const last = siblings[siblings.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else siblings.push(node);
  };
  const open = (node: PhrasingContent & Inline) => {
    push(node);
    stack.push(node);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
        push({ type: 'text', value: token.content });
        break;
      case 'softbreak':
        push({ type: 'text', value: '\n' });
        break;
      case 'hardbreak':
        push({ type: 'break' });
        break;
      case 'code_inline':
        push({ type: 'inlineCode', value: token.content });
        break;
      case 'html_inline':
        push({ type: 'html', value: token.content });
        break;
      case 'image':
        push({ type: 'image', url: attr(token, 'src') ?? '', title: attr(token, 'title'), alt: token.content });
        break;
      case 'em_open':
        open({ type: 'emphasis', children: [] });
        break;
      case 'strong_open':
        open({ type: 'strong', children: [] });
        break;
      case 's_open':
        open({ type: 'delete', children: [] });
        break;
      case 'link_open':
        open({ type: 'link', url: attr(token, 'href') ?? '', title: attr(token, 'title'), children: [] });
        break;
      case 'em_close':
      case 'strong_close':
      case 's_close':
      case 'link_close':
        if (stack.length > 1) stack.pop();
        break;
      default:
        if (token.content) push({ type: 'text', value: token.content });
    }
  }
  return root.children;
}

const TASK = /^\[([ xX])\](?:[ \t]|(?=\n))/;

/** GFM task list item: "[ ] " or "[x] " opening the item's first paragraph, with something after
 *  it. The marker leaves the text and becomes `checked` on the item. */
function markTask(item: ListItem): void {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return;
  const head = first.children[0];
  if (head?.type !== 'text') return;
  const match = TASK.exec(head.value);
  if (!match) return;
  const rest = head.value.slice(match[0].length);
  if (!rest.trim() && first.children.length === 1) return;
  item.checked = match[1] !== ' ';
  if (rest) head.value = rest;
  else first.children.shift();
}

function code(token: Token, value: string): Code {
  const info = token.info.trim();
  const space = info.search(/\s/);
  const lang = info ? (space < 0 ? info : info.slice(0, space)) : null;
  const meta = space < 0 ? null : info.slice(space).trim() || null;
  return { type: 'code', lang, meta, value: value.replace(/\n$/, ''), position: at(token) };
}

export function parseMarkdown(text: string): Root {
  const tokens = markdown.parse(text, {});
  const root: Root = { type: 'root', children: [] };
  const stack: Container[] = [root];
  const add = (node: Nodes) => (stack[stack.length - 1].children as Nodes[]).push(node);
  const open = (node: Container) => {
    add(node as Nodes);
    stack.push(node);
  };
  let textTarget: Paragraph | Heading | TableCell | null = null;
  let table: Table | null = null;

  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        textTarget = {
          type: 'heading',
          depth: Number(token.tag.slice(1)) as Heading['depth'],
          children: [],
          position: at(token),
        };
        add(textTarget);
        break;
      case 'paragraph_open':
        textTarget = { type: 'paragraph', children: [], position: at(token) };
        add(textTarget);
        break;
      case 'th_open':
      case 'td_open':
        textTarget = { type: 'tableCell', children: [], position: at(token) };
        add(textTarget);
        break;
      case 'inline':
        if (textTarget) textTarget.children = phrasing(token.children ?? []);
        break;
      case 'heading_close':
      case 'paragraph_close':
      case 'th_close':
      case 'td_close':
        textTarget = null;
        break;
      case 'blockquote_open':
        open({ type: 'blockquote', children: [], position: at(token) });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const start = ordered ? Number(attr(token, 'start') ?? 1) : null;
        open({ type: 'list', ordered, start, spread: false, children: [], position: at(token) });
        break;
      }
      case 'list_item_open':
        open({ type: 'listItem', checked: null, spread: false, children: [], position: at(token) });
        break;
      case 'list_item_close':
        markTask(stack.pop() as ListItem);
        break;
      case 'table_open':
        table = { type: 'table', align: [], children: [], position: at(token) };
        open(table);
        break;
      case 'tr_open':
        open({ type: 'tableRow', children: [], position: at(token) });
        break;
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'table_close':
      case 'tr_close':
        stack.pop();
        break;
      case 'fence':
      case 'code_block':
        add(code(token, token.content));
        break;
      case 'html_block':
        add({ type: 'html', value: token.content.replace(/\n+$/, ''), position: at(token) });
        break;
      case 'hr':
        add({ type: 'thematicBreak', position: at(token) });
        break;
      default:
        break;
    }
    // The header row's cells say each column's alignment.
    if (token.type === 'th_open' && table?.children.length === 1) table.align!.push(alignOf(token));
  }
  return root;
}
