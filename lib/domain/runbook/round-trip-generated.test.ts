import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TemplateDefinitionInput, TemplateItem } from '../template-definition';
import { normalise, roundTrip } from './round-trip-support';

/**
 * parse(export(t)) gives t back for any generated template (fast-check), its titles full of
 * Markdown punctuation. The examples are in round-trip-examples.test.ts.
 */

/** Property runs; raise with RUNBOOK_PROPERTY_RUNS=1000 for a deeper search. */
const RUNS = Number(process.env.RUNBOOK_PROPERTY_RUNS ?? 40);

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
