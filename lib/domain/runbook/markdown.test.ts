import type { Code, List, ListItem, Nodes, Paragraph, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { generateRunbook } from './generate-runbook';
import { parseMarkdown } from './markdown';
import { parseRunbook } from './parse-runbook';
import { plainText } from './text';

function all(text: string): Nodes[] {
  const out: Nodes[] = [];
  const stack: Nodes[] = [parseMarkdown(text)];
  while (stack.length) {
    const node = stack.pop()!;
    out.push(node);
    if ('children' in node) stack.push(...(node.children as Nodes[]).slice().reverse());
  }
  return out;
}
const items = (text: string) => all(text).filter((n): n is ListItem => n.type === 'listItem');

describe('parseMarkdown', () => {
  it('reads GFM task items: the marker becomes `checked` and leaves the text', () => {
    const [open, done, upper, plain] = items('- [ ] Open\n- [x] Done\n- [X] Upper\n- Plain\n');
    expect([open.checked, done.checked, upper.checked, plain.checked]).toEqual([false, true, true, null]);
    expect(plainText(open)).toBe('Open');
    expect(plainText(done)).toBe('Done');
  });

  it('does not take a bare "[ ]", "[ ]x" or a marker after other text for a task', () => {
    for (const text of ['- [ ]\n', '- [ ]x\n', '- Later [ ] here\n', '- > [ ] quoted\n']) {
      expect(items(text)[0].checked, text).toBeNull();
    }
  });

  it('keeps a task whose title continues on the next line, and the line break in its text', () => {
    const [item] = items('- [ ]\n  Title on the next line\n');
    expect(item.checked).toBe(false);
    expect(plainText(item)).toBe('\nTitle on the next line');
  });

  it('joins soft-wrapped text and keeps hard breaks, as the importer reads labels', () => {
    const [paragraph] = all('**Version**: 1.0  \n**Status**: ready\nand more\n').filter(
      (n): n is Paragraph => n.type === 'paragraph',
    );
    expect(paragraph.children.map((c) => c.type)).toEqual(['strong', 'text', 'break', 'strong', 'text']);
    expect(plainText(paragraph)).toBe('Version: 1.0\nStatus: ready\nand more');
  });

  it('splits a fence info string into language and meta, and drops the closing newline', () => {
    const [code] = all('```bash title="x" \necho 1\n```\n').filter((n): n is Code => n.type === 'code');
    expect(code).toMatchObject({ lang: 'bash', meta: 'title="x"', value: 'echo 1' });
  });

  it('reads tables with their alignment, one row per line', () => {
    const [table] = all('| A | B | C |\n|:--|--:|---|\n| 1 | 2 | 3 |\n| 4 | 5 | 6 |\n').filter(
      (n): n is Table => n.type === 'table',
    );
    expect(table.align).toEqual(['left', 'right', null]);
    expect(table.children.map((row) => row.position!.start.line)).toEqual([1, 3, 4]);
    expect(table.children[2].children.map(plainText)).toEqual(['4', '5', '6']);
  });

  it('keeps content nested deeper than markdown-it’s default limit', () => {
    const text = `${Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- [ ] level ${i}`).join('\n')}\n`;
    const deepest = all(text).filter((n): n is List => n.type === 'list').length;
    expect(deepest).toBe(60);
  });

  it('gives every heading of a large runbook the line it is on', () => {
    const text = generateRunbook(600);
    const lines = text.split('\n');
    const headings = parseMarkdown(text).children.filter((n) => n.type === 'heading');
    expect(headings.length).toBeGreaterThan(30);
    for (const h of headings) expect(lines[h.position!.start.line - 1]).toMatch(/^#{1,3} /);
  });

  it('reports an unreadable "Check:" line at its own line, also after an empty task marker line', () => {
    const result = parseRunbook('# R\n\n## Go\n\n- [ ] \nCheck: http https://x.internal/health\n');
    expect(result.ok && result.warnings.find((w) => w.message.includes('Check:'))?.line).toBe(6);
  });
});
