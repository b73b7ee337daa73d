import { describe, expect, it } from 'vitest';
import { templateDefinitionSchema, type TemplateDefinition } from './template-definition';
import { addRole, confirmItems, itemRefs, moveItems, removeRole, renameRole, roleCounts } from './template-owners';

const TEMPLATE: TemplateDefinition = templateDefinitionSchema.parse({
  name: 'T',
  roles: [
    { key: 'ic', name: 'Incident Commander', isIc: true },
    { key: 'dba', name: 'DBA' },
    { key: 'qa', name: 'QA' },
  ],
  phases: [
    {
      title: 'Deploy',
      items: [
        {
          title: 'Backup',
          roleKey: 'dba',
          section: 'Database',
          roleSource: 'suggested',
          roleReason: 'step mentions "backup"',
          roleConfidence: 0.7,
          children: [{ title: 'Checksum', roleKey: 'dba', section: 'Database' }],
        },
        {
          title: 'Smoke',
          roleKey: 'qa',
          section: 'Tests',
          roleSource: 'suggested',
          roleReason: 'x',
          roleConfidence: 0.5,
        },
      ],
      gates: [{ title: 'Go', requiredRoles: ['dba', 'qa'] }],
    },
  ],
});

describe('assigning owners by hand', () => {
  it('addresses items by path in document order, children after parents', () => {
    expect(itemRefs(TEMPLATE).map((r) => [r.path, r.item.title, r.section, r.depth])).toEqual([
      ['0.0', 'Backup', 'Database', 0],
      ['0.0.0', 'Checksum', 'Database', 1],
      ['0.1', 'Smoke', 'Tests', 0],
    ]);
  });

  it('moves the selected steps to a role; they stop being suggestions and the counts follow', () => {
    const moved = moveItems(TEMPLATE, new Set(['0.0', '0.0.0']), 'qa');
    expect(itemRefs(moved).map((r) => [r.item.roleKey, r.item.roleSource])).toEqual([
      ['qa', 'runbook'],
      ['qa', 'runbook'],
      ['qa', 'suggested'],
    ]);
    expect(Object.fromEntries(roleCounts(moved))).toEqual({ ic: 0, dba: 0, qa: 3 });
    expect(moveItems(TEMPLATE, new Set(['0.0']), 'nobody')).toBe(TEMPLATE);
  });

  it('confirms a suggestion as it is', () => {
    const confirmed = confirmItems(TEMPLATE, new Set(['0.1']));
    expect(itemRefs(confirmed)[2].item).toMatchObject({
      roleKey: 'qa',
      roleSource: 'runbook',
      roleReason: 'confirmed',
    });
    expect(itemRefs(confirmed)[0].item.roleSource).toBe('suggested');
  });

  it('adds roles with unique keys, renames them, and removes one moving its steps and gate seats', () => {
    const { template: added, key } = addRole(TEMPLATE, 'QA');
    expect(key).toBe('qa-2');
    const { key: second } = addRole(added, '1st line support');
    expect(second).toBe('r-1st-line-support');
    expect(renameRole(added, 'qa-2', 'Test crew').roles.find((r) => r.key === 'qa-2')?.name).toBe('Test crew');
    const removed = removeRole(TEMPLATE, 'dba', 'qa');
    expect(removed.roles.map((r) => r.key)).toEqual(['ic', 'qa']);
    expect(itemRefs(removed).map((r) => r.item.roleKey)).toEqual(['qa', 'qa', 'qa']);
    expect(removed.phases[0].gates[0].requiredRoles).toEqual(['qa']);
    expect(removeRole(TEMPLATE, 'ic', 'qa')).toBe(TEMPLATE);
    expect(() => templateDefinitionSchema.parse(removed)).not.toThrow();
  });
});
