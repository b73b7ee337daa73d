import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRunbook } from './generate-runbook';
import { CHUNK_CHARS, parseMarkdown } from './markdown';

const fixture = (name: string) =>
  readFileSync(path.resolve(__dirname, '../../../tests/fixtures/runbooks', `${name}.md`), 'utf8');

describe('parseMarkdown in pieces', () => {
  it('gives the same tree, positions included, for the real runbooks cut at every heading', () => {
    for (const name of ['e02-tagging-go-live', 'canary-go-live-procedures', 'blue-green-cutover-tasks']) {
      const text = fixture(name);
      expect(parseMarkdown(text, 0).children, name).toEqual(parseMarkdown(text, Infinity).children);
    }
  }, 30_000);

  it('never cuts inside a code fence or raw HTML', () => {
    const text =
      '# T\n\n```\nline\n\n# a comment, not a heading\n```\n\n<!--\n\n# hidden\n\n-->\n\n## Real\n\n- [ ] x\n';
    const pieces = parseMarkdown(text, 0).children;
    expect(pieces).toEqual(parseMarkdown(text, Infinity).children);
    expect(pieces.filter((n) => n.type === 'heading')).toHaveLength(2);
  });

  it('keeps line numbers true across pieces of a large runbook', () => {
    const text = generateRunbook(600);
    expect(text.length).toBeGreaterThan(CHUNK_CHARS);
    const lines = text.split('\n');
    const tree = parseMarkdown(text);
    const headings = tree.children.filter((n) => n.type === 'heading');
    expect(headings.length).toBeGreaterThan(30);
    for (const h of headings) expect(lines[h.position!.start.line - 1]).toMatch(/^#{1,3} /);
  }, 30_000);
});
