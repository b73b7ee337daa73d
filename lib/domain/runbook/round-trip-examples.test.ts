import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TemplateDefinition, TemplateDefinitionInput, TemplateItem } from '../template-definition';
import { normalise, roundTrip } from './round-trip-support';
import { importOk } from './test-support';

/**
 * parse(export(t)) gives t back, shown on examples: the imported fixtures, one hand-made
 * template that holds everything a template can, and the owners suggested on import.
 * Generated templates are in round-trip-generated.test.ts.
 */

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
