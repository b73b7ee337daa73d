import { describe, expect, it } from 'vitest';
import {
  metricRuleSchema,
  templateDefinitionSchema,
  templatePhaseSchema,
  type TemplateDefinition,
  type TemplateDefinitionInput,
} from './template-definition';
import { alignLists, diffTemplates } from './template-diff';

const BASE: TemplateDefinitionInput = {
  name: 'Payments go-live',
  roles: [
    { key: 'ic', name: 'Incident Commander', isIc: true },
    { key: 'dba', name: 'DBA' },
    { key: 'qa', name: 'QA' },
  ],
  phases: [
    {
      title: 'Preparation',
      plannedStartMin: -30,
      plannedDurationMin: 30,
      items: [
        { title: 'Back up the database', roleKey: 'dba', command: 'pg_dump payments > backup.sql' },
        { title: 'Freeze merges', roleKey: 'ic' },
      ],
      gates: [{ title: 'Ready to deploy', requiredRoles: ['ic', 'dba'] }],
    },
    {
      title: 'Deploy',
      plannedStartMin: 0,
      plannedDurationMin: 20,
      items: [
        {
          title: 'Run migrations',
          roleKey: 'dba',
          command: 'npm run migrate',
          expectedOutput: 'done',
          children: [{ title: 'Check the schema version', roleKey: 'dba' }],
        },
        { title: 'Smoke test', roleKey: 'qa' },
      ],
    },
  ],
  rules: [{ series: 'error_rate', comparison: '>', unit: '%', warn: 1, critical: 5 }],
};

const parse = (input: TemplateDefinitionInput): TemplateDefinition => templateDefinitionSchema.parse(input);
const v1 = parse(BASE);
/** A deep copy to edit, as a new version would be. */
const edit = (change: (t: TemplateDefinition) => void) => {
  const copy = structuredClone(v1);
  change(copy);
  return parse(copy);
};

describe('diffTemplates', () => {
  it('finds nothing between a version and itself', () => {
    expect(diffTemplates(v1, v1)).toEqual([]);
    expect(diffTemplates(v1, parse(structuredClone(BASE)))).toEqual([]);
  });

  it('reports an edited command as one change with before and after', () => {
    const v2 = edit((t) => (t.phases[1].items[0].command = 'npm run migrate -- --safe'));
    expect(diffTemplates(v1, v2)).toEqual([
      {
        kind: 'changed',
        path: 'phases[1].items[0].command',
        label: 'Phase 2 “Deploy” › step “Run migrations” › command',
        before: 'npm run migrate',
        after: 'npm run migrate -- --safe',
      },
    ]);
  });

  it('covers the expected output, the owner and a nested step', () => {
    const v2 = edit((t) => {
      t.phases[1].items[0].expectedOutput = 'Migrated 3';
      t.phases[0].items[1].roleKey = 'qa';
      t.phases[1].items[0].children[0].command = 'psql -c "select 1"';
    });
    expect(diffTemplates(v1, v2).map((c) => [c.path, c.before, c.after])).toEqual([
      ['phases[0].items[1].roleKey', 'ic', 'qa'],
      ['phases[1].items[0].expectedOutput', 'done', 'Migrated 3'],
      ['phases[1].items[0].children[0].command', null, 'psql -c "select 1"'],
    ]);
  });

  it('reports a step’s check added, changed (its options too) and removed, in the runbook’s words', () => {
    const health = {
      kind: 'http' as const,
      url: 'https://api.example.com/health',
      method: 'GET' as const,
      expectStatus: 200,
      expectBodyContains: 'ok',
    };
    const withCheck = edit((t) => (t.phases[1].items[1].check = health));
    const where = { path: 'phases[1].items[1].check', label: 'Phase 2 “Deploy” › step “Smoke test” › check' };
    expect(diffTemplates(v1, withCheck)).toEqual([
      { kind: 'added', ...where, after: 'GET https://api.example.com/health → 200 contains "ok"' },
    ]);
    const stricter = parse({
      ...structuredClone(withCheck),
      phases: withCheck.phases.map((p, i) =>
        i === 1
          ? {
              ...p,
              items: p.items.map((item, j) =>
                j === 1 ? { ...item, check: { ...health, intervalSec: 30, passesNeeded: 3 } } : item,
              ),
            }
          : p,
      ),
    });
    expect(diffTemplates(withCheck, stricter)).toEqual([
      {
        kind: 'changed',
        ...where,
        before: 'GET https://api.example.com/health → 200 contains "ok"',
        after: 'GET https://api.example.com/health → 200 contains "ok", every 30s, 3 passes',
      },
    ]);
    expect(diffTemplates(stricter, v1)).toEqual([
      {
        kind: 'removed',
        ...where,
        before: 'GET https://api.example.com/health → 200 contains "ok", every 30s, 3 passes',
      },
    ]);
    // A new step brings its check along in its value.
    const added = edit((t) =>
      t.phases[0].items.push({ title: 'Pipeline green', roleKey: 'qa', check: { kind: 'ci' }, children: [] }),
    );
    expect(diffTemplates(v1, added)).toEqual([
      expect.objectContaining({ kind: 'added', after: expect.objectContaining({ check: 'ci' }) }),
    ]);
  });

  it('reads an inserted step as one added step, not every later step changed', () => {
    const v2 = edit((t) => t.phases[0].items.splice(1, 0, { title: 'Notify support', roleKey: 'ic', children: [] }));
    expect(diffTemplates(v1, v2)).toEqual([
      {
        kind: 'added',
        path: 'phases[0].items[1]',
        label: 'Phase 1 “Preparation” › step “Notify support”',
        after: { title: 'Notify support', roleKey: 'ic', command: null, expectedOutput: null },
      },
    ]);
  });

  it('reads a removed step at its place in the old version', () => {
    const v2 = edit((t) => t.phases[0].items.splice(0, 1));
    const [change] = diffTemplates(v1, v2);
    expect(change).toMatchObject({ kind: 'removed', path: 'phases[0].items[0]' });
    expect(change.before).toMatchObject({ title: 'Back up the database', command: 'pg_dump payments > backup.sql' });
  });

  it('reads a reworded step in place as a changed title', () => {
    const v2 = edit((t) => (t.phases[1].items[1].title = 'Smoke test the checkout'));
    expect(diffTemplates(v1, v2)).toEqual([
      expect.objectContaining({
        kind: 'changed',
        path: 'phases[1].items[1].title',
        before: 'Smoke test',
        after: 'Smoke test the checkout',
      }),
    ]);
  });

  it('covers phase timing, added phases and gates', () => {
    const v2 = edit((t) => {
      t.phases[1].plannedDurationMin = 45;
      t.phases[0].gates[0].requiredRoles = ['dba', 'ic', 'qa'];
      t.phases.push(
        templatePhaseSchema.parse({
          title: 'Monitoring',
          kind: 'monitoring',
          items: [{ title: 'Watch errors', roleKey: 'qa' }],
        }),
      );
    });
    const changes = diffTemplates(v1, v2);
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'changed', path: 'phases[1].plannedDurationMin', before: 20, after: 45 }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        kind: 'changed',
        path: 'phases[0].gates[0].requiredRoles',
        before: ['dba', 'ic'],
        after: ['dba', 'ic', 'qa'],
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'added', path: 'phases[2]', after: expect.objectContaining({ steps: 1 }) }),
    );
    expect(changes).toHaveLength(3);
  });

  it('ignores the order of a gate’s roles', () => {
    const v2 = edit((t) => (t.phases[0].gates[0].requiredRoles = ['dba', 'ic']));
    expect(diffTemplates(v1, v2)).toEqual([]);
  });

  it('matches rules by series and reports added and removed gates', () => {
    const v2 = edit((t) => {
      t.rules[0].critical = 10;
      t.rules.push(metricRuleSchema.parse({ series: 'latency_p95', comparison: '>', warn: 300, critical: 800 }));
      t.phases[0].gates = [];
    });
    const changes = diffTemplates(v1, v2);
    expect(changes.map((c) => [c.kind, c.path])).toEqual([
      ['removed', 'phases[0].gates[0]'],
      ['changed', 'rules[0].critical'],
      ['added', 'rules[1]'],
    ]);
  });

  it('treats an empty command and no command as the same', () => {
    const v2 = edit((t) => (t.phases[0].items[1].command = ''));
    expect(diffTemplates(v1, v2)).toEqual([]);
  });

  it('is symmetric: from → to added is to → from removed', () => {
    const v2 = edit((t) => t.phases[1].items.push({ title: 'Announce', roleKey: 'ic', children: [] }));
    expect(diffTemplates(v1, v2).map((c) => c.kind)).toEqual(['added']);
    expect(diffTemplates(v2, v1).map((c) => c.kind)).toEqual(['removed']);
  });
});

describe('alignLists', () => {
  const key = (s: string) => s;
  it('matches the longest common run and pairs what is left in order', () => {
    const pairs = alignLists(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'], key);
    expect(pairs.map((p) => [p.before, p.after])).toEqual([
      ['a', 'a'],
      ['b', 'x'],
      ['c', 'c'],
      ['d', 'd'],
      [null, 'e'],
    ]);
  });

  it('handles empty lists on either side', () => {
    expect(alignLists([], ['a'], key)).toEqual([{ before: null, after: 'a', beforeIndex: -1, afterIndex: 0 }]);
    expect(alignLists(['a'], [], key)).toEqual([{ before: 'a', after: null, beforeIndex: 0, afterIndex: -1 }]);
  });

  it('finds a moved element as removed here and added there', () => {
    const pairs = alignLists(['a', 'b', 'c'], ['b', 'c', 'a'], key);
    expect(pairs.filter((p) => p.before && p.after && p.before === p.after).map((p) => p.before)).toEqual(['b', 'c']);
  });
});

describe('diffTemplates, the template itself', () => {
  it('reports a new description but not a new name', () => {
    const v2 = { ...v1, name: 'Renamed', description: 'Now with a rollback plan' };
    expect(diffTemplates(v1, v2)).toEqual([
      { kind: 'changed', path: 'description', label: 'Description', before: null, after: 'Now with a rollback plan' },
    ]);
  });
});

describe('diffTemplates labels', () => {
  it('does not repeat a phase number the runbook already wrote', () => {
    const numbered = parse({
      ...BASE,
      phases: [{ title: 'Phase 2: Deploy', items: [{ title: 'Ship', roleKey: 'ic' }] }],
    });
    const edited = parse({
      ...BASE,
      phases: [{ title: 'Phase 2: Deploy', items: [{ title: 'Ship it', roleKey: 'ic' }] }],
    });
    expect(diffTemplates(numbered, edited)[0].label).toBe('“Phase 2: Deploy” › step “Ship it” › title');
  });
});
