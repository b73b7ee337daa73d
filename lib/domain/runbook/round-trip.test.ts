import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  templateDefinitionSchema,
  type TemplateDefinition,
  type TemplateDefinitionInput,
  type TemplateItem,
} from '../template-definition';
import { importOk } from './test-support';
import { templateToMarkdown } from './to-markdown';

/** parse(export(t)) must give t back, ignoring source lines and aliases. */

/** Property runs; raise with RUNBOOK_PROPERTY_RUNS=1000 for a deeper search. */
const RUNS = Number(process.env.RUNBOOK_PROPERTY_RUNS ?? 40);

function normalise(t: TemplateDefinitionInput | TemplateDefinition) {
  const parsed = templateDefinitionSchema.parse(t);
  const item = (i: TemplateItem): unknown => ({
    title: i.title,
    roleKey: i.roleKey,
    section: i.section ?? null,
    command: i.command ?? null,
    expectedOutput: i.expectedOutput ?? null,
    doneBeforeStart: Boolean(i.doneBeforeStart),
    children: i.children.map(item),
  });
  return {
    ...parsed,
    roles: parsed.roles.map(({ aliases: _aliases, ...r }) => ({ ...r, contact: r.contact ?? null })),
    phases: parsed.phases.map((p) => ({
      ...p,
      items: p.items.map(item),
      gates: p.gates.map((g) => ({ ...g, offsetMin: g.offsetMin ?? null })),
    })),
  };
}

function roundTrip(template: TemplateDefinitionInput | TemplateDefinition) {
  const markdown = templateToMarkdown(templateDefinitionSchema.parse(template));
  return { markdown, back: importOk(markdown).template };
}

const fixture = (name: string) =>
  readFileSync(path.resolve(__dirname, '../../../tests/fixtures/runbooks', `${name}.md`), 'utf8');

describe('round trip of the imported fixtures', () => {
  for (const name of ['e02-tagging-go-live', 'canary-go-live-procedures', 'blue-green-cutover-tasks']) {
    it(`gives ${name} back unchanged`, () => {
      const first = importOk(fixture(name)).template;
      const { markdown, back } = roundTrip(first);
      expect(normalise(back)).toEqual(normalise(first));
      // The export reads as a runbook: explicit owners and time notes, no mojibake.
      expect(markdown).toMatch(/^- \[[ x]\] .+ @ic$/m);
    }, 30_000);
  }
});

const HAND_MADE: TemplateDefinitionInput = {
  name: 'Payments v2 *cutover* [prod] #1',
  description: 'Blue/green cutover of the payments API.\n\n1. Read this first\n- then this',
  roles: [
    { key: 'ic', name: 'Release Captain', isIc: true },
    { key: 'db_admin', name: 'Database Admin', contact: 'dba@co.com | pager 555' },
    { key: 'sre', name: 'SRE' },
    { key: 'qa', name: 'QA Lead', contact: null },
  ],
  phases: [
    {
      title: 'Preparation',
      plannedStartMin: -60,
      plannedDurationMin: 45,
      items: [
        {
          title: 'Snapshot the database',
          roleKey: 'db_admin',
          section: 'Backups',
          command: 'pg_dump -Fc payments > /backups/pre.dump\n\n  echo "done"   # keep the spaces',
          expectedOutput: 'done',
          children: [
            {
              title: 'Verify dump size > 0',
              roleKey: 'db_admin',
              section: 'Backups',
              doneBeforeStart: true,
              children: [],
            },
          ],
        },
        { title: 'Rotate `API_KEY` & tokens <now> @old-team', roleKey: 'sre', section: null, children: [] },
        {
          title: '1. Freeze deploys',
          roleKey: 'ic',
          section: 'Comms',
          command: 'echo ```nested fence```',
          expectedOutput: 'line one\n  line two * with _marks_',
          children: [],
        },
      ],
      gates: [
        { title: 'Ready to cut over?', kind: 'gate', requiredRoles: ['ic', 'qa'] },
        { title: 'Schema sign-off', kind: 'gate', requiredRoles: ['db_admin', 'qa'], allowSameSigner: true },
      ],
    },
    {
      title: 'Rollback plan review',
      kind: 'normal',
      items: [{ title: 'Walk through the revert', roleKey: 'sre', children: [] }],
    },
    { title: 'Warm-up (5 min)', items: [{ title: 'Prime caches', roleKey: 'sre', children: [] }] },
    { title: '72 Hours Before Go-Live', items: [{ title: 'Announce', roleKey: 'ic', children: [] }] },
    {
      title: 'Revert',
      kind: 'rollback',
      plannedStartMin: 0,
      plannedDurationMin: 0,
      items: [{ title: 'Switch back', roleKey: 'sre', children: [] }],
    },
    {
      title: 'Hypercare',
      kind: 'monitoring',
      plannedStartMin: 60,
      plannedDurationMin: 1440,
      items: [{ title: 'Watch the dashboards', roleKey: 'sre', children: [] }],
      gates: [
        { title: 'Stability review', kind: 'checkpoint', offsetMin: 720, requiredRoles: ['sre', 'qa'] },
        {
          title: 'Day-one review',
          kind: 'checkpoint',
          offsetMin: 1440,
          requiredRoles: ['sre', 'qa'],
          allowSameSigner: true,
        },
        { title: 'Final sign-off', kind: 'checkpoint', offsetMin: null, requiredRoles: ['ic'] },
      ],
    },
    { title: 'Placeholder for later', description: 'Nothing yet.', items: [] },
    { title: 'Another empty one', items: [] },
  ],
  rules: [
    {
      series: 'error_rate',
      name: 'Error rate',
      comparison: '>',
      unit: '%',
      target: 0.5,
      warn: 1,
      critical: 5,
      sustainSec: 300,
    },
    { series: 'throughput', name: null, comparison: '<', unit: 'rps', target: 200, warn: 100, critical: 50 },
    { series: 'p95_latency', name: 'p95 | API', comparison: '>', unit: 'ms', target: null, warn: null, critical: 800 },
  ],
  decisionTree: [
    {
      level: 1,
      title: 'Minor (fixable)',
      action: '',
      conditions: [{ series: 'error_rate', comparison: '>', value: 1, unit: '%', text: 'Error rate > 1%' }],
      symptoms: ['One pod restarting'],
    },
    {
      level: 2,
      title: 'Major',
      action: 'Prepare rollback',
      conditions: [
        {
          series: 'p95_latency',
          comparison: '>',
          value: 800,
          unit: 'ms',
          sustainSec: 120,
          text: 'Latency is bad → roll back soon',
        },
        { series: 'custom_metric', comparison: '<', value: 3, unit: '', text: '' },
      ],
      symptoms: ['Error rate > 3%', 'CRITICAL (Immediate Rollback): everything', '- dash first'],
    },
    { level: 3, title: '', action: 'Roll back now', conditions: [], symptoms: ['Data corruption'] },
  ],
};

describe('round trip of hand-made templates', () => {
  it('keeps everything a template can hold', () => {
    const { back } = roundTrip(HAND_MADE);
    expect(normalise(back)).toEqual(normalise(HAND_MADE));
  });

  it('writes a readable runbook in the importer dialect', () => {
    const { markdown } = roundTrip(HAND_MADE);
    expect(markdown).toContain('## Preparation (T-60 min, 45 min)');
    expect(markdown).toContain('- [ ] Snapshot the database @db_admin');
    expect(markdown).toContain('  - [x] Verify dump size > 0 @db_admin');
    expect(markdown).toContain('**Checkpoint: Stability review (+12 h)**');
    expect(markdown).toContain('**Gate: Schema sign-off (same signer allowed)**');
    expect(markdown).toContain('**Checkpoint: Day-one review (+24 h) (same signer allowed)**');
    expect(markdown).toContain('| QA Lead (@qa) |  |');
    expect(markdown).toContain('| Database Admin | db_admin | dba@co.com \\| pager 555 |');
    expect(markdown).toContain('### Level 2: Major (Prepare rollback)');
    expect(markdown).toContain('- Symptom: Error rate > 3%');
  });

  it('survives a second round trip byte for byte', () => {
    const once = roundTrip(HAND_MADE);
    const twice = roundTrip(once.back);
    expect(twice.markdown).toBe(once.markdown);
  });
});

// Titles drawn from an alphabet full of Markdown punctuation, to prove the escaping.
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...'abcdefgXYZ 0129*_[]<>&~|#!`\\-+.:;()@é✅→'),
      fc.constantFrom(
        '&amp;',
        '&#42;',
        '<b>',
        '</x>',
        'http://x.io/a_b',
        'www.x.io',
        '**',
        '__',
        '[x](y)',
        '@dba',
        'T-30',
        '(5 min)',
      ),
    ),
    { minLength: 1, maxLength: 16 },
  )
  .map((parts) => parts.join('').replace(/\s+/g, ' ').trim())
  .filter((s) => s.length > 0);
const code = fc
  .array(fc.string({ unit: fc.constantFrom(...'ab *_`#>-|\\$()"\''), maxLength: 20 }), { minLength: 1, maxLength: 4 })
  .map((lines) => lines.join('\n'))
  .filter((s) => s.trim().length > 0 && !/^\n|\n$/.test(s));
const roleKey = fc.constantFrom('ic', 'dba', 'sre');
const itemArb: fc.Arbitrary<TemplateItem> = fc.record({
  title: text,
  roleKey,
  section: fc.option(fc.constantFrom('Backups', 'Comms & *Ops*', '#1 [P]', 'Level 2: Major (Prepare Rollback)'), {
    nil: null,
  }),
  command: fc.option(code, { nil: null }),
  expectedOutput: fc.option(code, { nil: null }),
  doneBeforeStart: fc.boolean(),
  children: fc.array(
    fc.record({
      title: text,
      roleKey,
      section: fc.constant(null),
      doneBeforeStart: fc.boolean(),
      children: fc.constant([]),
    }),
    { maxLength: 2 },
  ),
});

describe('round trip of generated templates', () => {
  it(
    'gives any template with escaped-text titles back',
    () => {
      const template = fc.record({
        name: text,
        phases: fc.array(
          fc.record({
            title: text,
            kind: fc.constantFrom('normal', 'monitoring', 'rollback'),
            plannedStartMin: fc.option(fc.integer({ min: -5000, max: 5000 }), { nil: null }),
            plannedDurationMin: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
            items: fc.array(itemArb, { minLength: 1, maxLength: 4 }),
            gates: fc.array(
              fc.oneof(
                fc.record({
                  title: text,
                  kind: fc.constant('gate' as const),
                  requiredRoles: fc.subarray(['ic', 'dba', 'sre'], { minLength: 1 }),
                }),
                fc.record({
                  title: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}[A-Za-z]$/).map((t) => t.replace(/\s+/g, ' ')),
                  kind: fc.constant('checkpoint' as const),
                  offsetMin: fc.option(fc.integer({ min: -600, max: 10_000 }), { nil: null }),
                  requiredRoles: fc.subarray(['ic', 'dba', 'sre'], { minLength: 1 }),
                }),
              ),
              { maxLength: 2 },
            ),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        decisionTree: fc.uniqueArray(
          fc.record({
            level: fc.constantFrom(1 as const, 2 as const, 3 as const),
            // Level headings end in "(action)": balanced parentheses only there.
            title: text.map((t) => t.replace(/[()]/g, '').replace(/\s+/g, ' ').trim()).filter(Boolean),
            action: fc.oneof(
              fc.constant(''),
              text.map((t) => t.replace(/[()]/g, '').replace(/\s+/g, ' ').trim()),
            ),
            conditions: fc.array(
              fc.record({
                series: fc.constantFrom('error_rate', 'p95_latency', 'queue_depth'),
                comparison: fc.constantFrom('>' as const, '<' as const),
                value: fc.integer({ min: -5, max: 5000 }),
                unit: fc.constantFrom('', '%', 'ms'),
                sustainSec: fc.constantFrom(0, 60, 600),
                text: fc.oneof(fc.constant(''), text),
              }),
              { maxLength: 2 },
            ),
            symptoms: fc.array(text, { minLength: 1, maxLength: 3 }),
          }),
          { selector: (l) => l.level, maxLength: 3 },
        ),
      });
      fc.assert(
        fc.property(template, (t) => {
          const input: TemplateDefinitionInput = {
            name: t.name,
            decisionTree: [...t.decisionTree].sort((a, b) => a.level - b.level),
            roles: [
              { key: 'ic', name: 'Incident Commander', isIc: true },
              { key: 'dba', name: 'Database Admin' },
              { key: 'sre', name: 'SRE' },
            ],
            // The dialect gives sub-items the section of their parent.
            phases: t.phases.map((p) => ({
              ...p,
              items: p.items.map((i) => ({ ...i, children: i.children.map((c) => ({ ...c, section: i.section })) })),
            })),
          };
          const { back } = roundTrip(input);
          expect(normalise(back)).toEqual(normalise(input));
        }),
        { numRuns: RUNS },
      );
    },
    60_000 + RUNS * 300,
  );
});

describe('round trip keeps every owner, suggested ones included', () => {
  for (const name of [
    'blue-green-cutover-tasks',
    'unowned/kubernetes-production-checklist',
    'unowned/release-execution-log',
    'unowned/database-migration-plan',
  ]) {
    it(name, () => {
      const first = importOk(fixture(name)).template;
      const flat = (t: TemplateDefinition) => {
        const out: TemplateItem[] = [];
        const walk = (list: TemplateItem[]) => list.forEach((i) => (out.push(i), walk(i.children)));
        t.phases.forEach((p) => walk(p.items));
        return out;
      };
      expect(flat(first).some((i) => i.roleSource === 'suggested')).toBe(true);
      const { markdown, back } = roundTrip(first);
      // The export states each owner on the step's own line, so the import reads it back as stated.
      expect(markdown).toMatch(/^- \[ \] .+ @dba$/m);
      expect(flat(back).map((i) => [i.title, i.roleKey])).toEqual(flat(first).map((i) => [i.title, i.roleKey]));
      expect(new Set(flat(back).map((i) => i.roleSource))).toEqual(new Set(['runbook']));
      expect(back.roles.map((r) => [r.key, r.name])).toEqual(first.roles.map((r) => [r.key, r.name]));
    });
  }
});
