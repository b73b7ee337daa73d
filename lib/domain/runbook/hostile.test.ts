import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { templateDefinitionSchema } from '../template-definition';
import { MAX_INLINE_MARKS } from './guards';
import { parseMarkdown } from './markdown';
import { parseRunbook, type ParseResult } from './parse-runbook';
import { allItems, countTaskLines } from './test-support';

/**
 * Whatever a user pastes, the importer answers: a template or a reason, never an exception,
 * and in bounded time (a hang would fail these tests by their timeout).
 */

/** Property runs for the runbook-shaped documents; raise with RUNBOOK_PROPERTY_RUNS. */
const RUNS = Number(process.env.RUNBOOK_PROPERTY_RUNS ?? 60);

function answers(markdown: string): ParseResult {
  const result = parseRunbook(markdown);
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    expect(() => templateDefinitionSchema.parse(result.template)).not.toThrow();
    expect(result.stats.items).toBeGreaterThan(0);
    const keys = new Set(result.template.roles.map((r) => r.key));
    for (const item of allItems(result.template)) expect(keys.has(item.roleKey)).toBe(true);
  } else {
    expect(result.reason).not.toBe('');
  }
  for (const warning of result.warnings) expect(Number.isInteger(warning.line)).toBe(true);
  return result;
}

const word = fc
  .string({ unit: fc.constantFrom(...'abcxyzABC019 *_[]()@#!&|:→✅é'), minLength: 1, maxLength: 30 })
  .map((s) => `T${s.replace(/\s+/g, ' ')}`);
const cells = (n: number) =>
  fc.array(fc.string({ unit: fc.constantFrom(...'abc19 %<>@'), maxLength: 8 }), { minLength: n, maxLength: n });

/** Blank-line separated blocks of the kinds runbooks contain, in any order. */
const runbookBlocks = fc.array(
  fc.oneof(
    word.map((w) => `## ${w}`),
    fc
      .tuple(fc.constantFrom('T-30 minutes', '07:30Z - 07:55Z, 25 min', '+12h', 'Day -1', '5 min'), word)
      .map(([h, w]) => `### ${w} (${h})`),
    fc
      .array(fc.tuple(fc.boolean(), fc.boolean(), word), { minLength: 1, maxLength: 6 })
      .map((rows) =>
        rows.map(([nested, done, w], i) => `${nested && i > 0 ? '  ' : ''}- [${done ? 'x' : ' '}] ${w}`).join('\n'),
      ),
    word.map((w) => `- ${w} → immediate rollback`),
    fc
      .tuple(
        fc.constantFrom('Role | Name | Approval', 'Role | Name | Contact', 'Metric | Target | Alert If'),
        fc.array(cells(3), { maxLength: 5 }),
      )
      .map(([head, rows]) => [`| ${head} |`, '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')),
    word.map((w) => `\`\`\`bash\n${w.replace(/`/g, '')}\n# Expected: ok\n\`\`\``),
    word.map((w) => `**${w}**:`),
    fc.constantFrom(
      '---',
      'Owner: DBA',
      'Go-live: 08:00Z',
      '### Level 2: Major Issues (Prepare Rollback)',
      'âœ… Ready â†’ go ðŸŽ‰',
    ),
    // Heading-like lines that are no headings: parsing in pieces must not cut there.
    fc.constantFrom(
      '```bash\n# restart\n\n# Expected: ok\n```',
      '<!--\n\n# draft heading\n\n-->',
      '<pre>\n\n# not a heading\n</pre>',
    ),
  ),
  { minLength: 1, maxLength: 25 },
);

describe('never throws, always finishes', () => {
  it(
    'on runbook-shaped documents, importing exactly one item per task line',
    () => {
      fc.assert(
        fc.property(runbookBlocks, (blocks) => {
          const markdown = `# Runbook\n\n${blocks.join('\n\n')}\n`;
          const result = answers(markdown);
          expect(result.ok ? result.stats.items : 0).toBe(countTaskLines(markdown));
        }),
        { numRuns: RUNS },
      );
    },
    60_000 + RUNS * 300,
  );

  it(
    'gives every task the line its marker is on',
    () => {
      fc.assert(
        fc.property(runbookBlocks, (blocks) => {
          const markdown = `# Runbook\n\n${blocks.join('\n\n')}\n`;
          const lines = markdown.split('\n');
          const stack: Nodes[] = [parseMarkdown(markdown)];
          while (stack.length) {
            const node = stack.pop()!;
            if (node.type === 'listItem' && typeof node.checked === 'boolean')
              expect(lines[node.position!.start.line - 1]).toMatch(/\[[ xX]\]/);
            if ('children' in node) stack.push(...(node.children as Nodes[]));
          }
        }),
        { numRuns: RUNS },
      );
    },
    60_000 + RUNS * 300,
  );

  it('on random text, unicode and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => void answers(s)),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 500 }).map((s) => `- [ ] ${s}\n${s}`),
        (s) => void answers(s),
      ),
      { numRuns: 30 },
    );
  }, 60_000);

  it('on binary junk', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 20_000 }),
        (bytes) => void answers(Array.from(bytes, (b) => String.fromCharCode(b)).join('')),
      ),
      { numRuns: 20 },
    );
  }, 60_000);

  it('on deep nesting of lists and quotes, keeping the items and saying it flattened them', () => {
    const nested = fc.record({
      depth: fc.integer({ min: 20, max: 150 }),
      style: fc.constantFrom('indent', 'markers', 'quotes', 'mixed'),
    });
    fc.assert(
      fc.property(nested, ({ depth, style }) => {
        const line = (i: number) =>
          style === 'indent'
            ? `${'  '.repeat(i)}- [ ] item ${i}`
            : style === 'markers'
              ? `${'- '.repeat(i)}[ ] item ${i}`
              : style === 'quotes'
                ? `${'> '.repeat(i)}- [ ] item ${i}`
                : `${'> - '.repeat(i)}[ ] item ${i}`;
        const result = answers(`# Deep\n\n${Array.from({ length: depth }, (_, i) => line(i)).join('\n')}\n`);
        expect(result.ok).toBe(true);
        expect(result.warnings.some((w) => /nested/.test(w.message))).toBe(true);
      }),
      { numRuns: 6 },
    );
  }, 60_000);

  it('on huge lines', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_001, max: 100_000 }), fc.constantFrom('a', '*', '[', '`', ' ', 'é'), (n, c) => {
        const result = answers(`- [ ] ${c.repeat(n)}\n`);
        if (result.ok) expect(result.template.phases[0].items[0].title.length).toBeLessThanOrEqual(2000);
      }),
      { numRuns: 8 },
    );
  }, 60_000);

  it('on a 10 000-row table, reading only the first rows', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `| metric ${i} | <${i}ms | >${i + 1}ms |`).join('\n');
    const result = answers(`# R\n\n- [ ] Go\n\n| Metric | Target | Alert If |\n|---|---|---|\n${rows}\n`);
    expect(result.ok && result.template.rules.length).toBe(500);
    expect(result.warnings).toContainEqual({
      line: 5,
      message: 'This table has 10000 rows; only the first 500 were read.',
    });
  }, 60_000);

  it(`on a paragraph with tens of thousands of * and [ marks, read as plain text`, () => {
    const result = answers(`- [ ] Go\n\n${'*a['.repeat(20_000)}\n${'*b'.repeat(20_000)}\n`);
    expect(result.warnings).toContainEqual({
      line: 3,
      message: expect.stringContaining(`more than ${MAX_INLINE_MARKS} formatting marks`),
    });
  }, 60_000);

  it('on empty and whitespace-only input', () => {
    for (const s of ['', ' ', '\n\n\n', '\u0000', '\uFEFF']) expect(answers(s).ok).toBe(false);
  });
});
