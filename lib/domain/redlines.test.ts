import { describe, expect, it } from 'vitest';
import { acceptSummary, applyRedlines, isEmptyPatch, locateStep, type RedlineTarget } from './redlines';
import { templateDefinitionSchema } from './template-definition';

const DEFINITION = templateDefinitionSchema.parse({
  name: 'Payments',
  roles: [
    { key: 'ic', name: 'IC', isIc: true },
    { key: 'dba', name: 'DBA' },
  ],
  phases: [
    {
      title: 'Prep',
      plannedDurationMin: 30,
      items: [
        { title: 'Back up', roleKey: 'dba', command: 'pg_dump', children: [{ title: 'Check size', roleKey: 'dba' }] },
        { title: 'Freeze', roleKey: 'ic' },
      ],
    },
    {
      title: 'Deploy',
      plannedDurationMin: 20,
      items: [{ title: 'Migrate', roleKey: 'dba', command: 'npm run migrate' }],
    },
  ],
});

const target = (phaseIndex: number, path: number[], title: string): RedlineTarget => ({
  phaseIndex,
  path,
  title,
  roleKey: 'dba',
  phaseTitle: DEFINITION.phases[phaseIndex]?.title ?? '',
});

describe('redlines', () => {
  it('finds a step where it stood, or by its title when it moved', () => {
    expect(locateStep(DEFINITION, target(0, [0, 0], 'Check size'))?.item.title).toBe('Check size');
    expect(locateStep(DEFINITION, target(0, [5], 'Migrate'))?.phase.title).toBe('Deploy');
    expect(locateStep(DEFINITION, target(0, [0], 'Gone'))).toBeNull();
  });

  it('edits, adds after and removes in one copy, leaving the original as it was', () => {
    const result = applyRedlines(DEFINITION, [
      {
        id: 'a',
        kind: 'edit',
        target: target(1, [0], 'Migrate'),
        patch: { command: 'npm run migrate -- --lock', plannedDurationMin: 35 },
      },
      { id: 'b', kind: 'add', target: target(0, [0], 'Back up'), patch: { title: 'Verify backup', command: 'ls -l' } },
      { id: 'c', kind: 'remove', target: target(0, [1], 'Freeze'), patch: {} },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.definition.phases[1].items[0].command).toBe('npm run migrate -- --lock');
    expect(result.definition.phases[1].plannedDurationMin).toBe(35);
    expect(result.definition.phases[0].items.map((i) => i.title)).toEqual(['Back up', 'Verify backup']);
    expect(result.definition.phases[0].items[1]).toMatchObject({ roleKey: 'dba', command: 'ls -l', children: [] });
    expect(DEFINITION.phases[0].items).toHaveLength(2);
    expect(DEFINITION.phases[1].items[0].command).toBe('npm run migrate');
  });

  it('a step that is gone fails the whole batch, naming it', () => {
    const result = applyRedlines(DEFINITION, [
      { id: 'a', kind: 'edit', target: target(1, [0], 'Migrate'), patch: { command: 'x' } },
      { id: 'b', kind: 'remove', target: target(0, [3], 'Smoke test'), patch: {} },
    ]);
    expect(result).toMatchObject({ ok: false, redlineId: 'b' });
    if (!result.ok) expect(result.message).toContain('Smoke test');
  });

  it('an empty patch is empty; the summary names the redline', () => {
    expect(isEmptyPatch({})).toBe(true);
    expect(isEmptyPatch({ command: null })).toBe(false);
    expect(acceptSummary([{ kind: 'edit', target: target(1, [0], 'Migrate'), proposer: 'Dana', reason: 'lock' }])).toBe(
      'Redline by Dana accepted: edit “Migrate” (lock)',
    );
  });
});
