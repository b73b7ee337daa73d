import { describe, expect, it } from 'vitest';
import { templateDefinitionSchema, type TemplateDefinition } from './template-definition';
import { addRole, confirmItems, itemRefs, moveItems } from './template-owners';
import { carryHandEdits, ownerSetByHand } from './template-owners-carry';

const suggested = (title: string, roleKey: string, section = 'Database') => ({
  title,
  roleKey,
  section,
  roleSource: 'suggested',
  roleReason: 'x',
  roleConfidence: 0.6,
});

const parse = (items: object[], roles = ['ic', 'dba', 'qa']): TemplateDefinition =>
  templateDefinitionSchema.parse({
    name: 'T',
    roles: roles.map((key) => ({ key, name: key.toUpperCase(), isIc: key === 'ic' })),
    phases: [{ title: 'Deploy', items }],
  });

const pathOf = (t: TemplateDefinition, title: string) => itemRefs(t).find((r) => r.item.title === title)!.path;
const ownerOf = (t: TemplateDefinition, title: string) => itemRefs(t).find((r) => r.item.title === title)!.item;

describe('carrying hand-set owners across a re-parse', () => {
  const parsed = parse([suggested('Backup', 'dba'), suggested('Smoke', 'qa', 'Tests'), suggested('Notify', 'qa')]);

  it('keeps moved and confirmed owners on the same steps when the runbook changed elsewhere', () => {
    let edited = moveItems(parsed, new Set([pathOf(parsed, 'Smoke')]), 'dba');
    edited = confirmItems(edited, new Set([pathOf(edited, 'Backup')]));
    // A step inserted above them: their paths move, their places do not.
    const fresh = parse([suggested('Freeze', 'ic'), ...parsed.phases[0].items]);
    const carried = carryHandEdits(parsed, edited, fresh);
    expect(carried).toMatchObject({ kept: 2, lost: 0 });
    expect(ownerOf(carried.template, 'Smoke')).toMatchObject({ roleKey: 'dba', roleReason: 'assigned by hand' });
    expect(ownerOf(carried.template, 'Backup')).toMatchObject({ roleKey: 'dba', roleReason: 'confirmed' });
    expect(ownerSetByHand(ownerOf(carried.template, 'Freeze'))).toBe(false);
    expect(ownerOf(carried.template, 'Notify')).toMatchObject({ roleKey: 'qa', roleSource: 'suggested' });
  });

  it('keeps a role added by hand with its steps, and counts the steps it could not find again', () => {
    const withRole = addRole(parsed, 'Security Lead');
    let edited = moveItems(withRole.template, new Set([pathOf(parsed, 'Backup')]), withRole.key!);
    edited = moveItems(edited, new Set([pathOf(edited, 'Notify')]), 'dba');
    // "Notify" was renamed in the runbook: that choice cannot be placed.
    const fresh = parse([suggested('Backup', 'dba'), suggested('Smoke', 'qa', 'Tests'), suggested('Notify all', 'qa')]);
    const carried = carryHandEdits(parsed, edited, fresh);
    expect(carried).toMatchObject({ kept: 1, lost: 1 });
    expect(carried.template.roles.map((r) => r.key)).toEqual(['ic', 'dba', 'qa', 'security-lead']);
    expect(ownerOf(carried.template, 'Backup').roleKey).toBe('security-lead');
    expect(ownerOf(carried.template, 'Notify all').roleKey).toBe('qa');
  });

  it('drops a choice whose role the new mapping no longer has, rather than bringing the old role back', () => {
    const edited = moveItems(parsed, new Set([pathOf(parsed, 'Smoke')]), 'dba');
    const fresh = parse([suggested('Backup', 'database'), suggested('Smoke', 'qa', 'Tests')], ['ic', 'database', 'qa']);
    const carried = carryHandEdits(parsed, edited, fresh);
    expect(carried).toMatchObject({ kept: 0, lost: 1 });
    expect(carried.template.roles.map((r) => r.key)).toEqual(['ic', 'database', 'qa']);
  });

  it('tells repeated steps apart by which repeat they are', () => {
    const twice = parse([suggested('Check', 'dba'), suggested('Check', 'dba')]);
    const edited = moveItems(twice, new Set(['0.1']), 'qa');
    const carried = carryHandEdits(twice, edited, parse([suggested('Check', 'dba'), suggested('Check', 'dba')]));
    expect(itemRefs(carried.template).map((r) => r.item.roleKey)).toEqual(['dba', 'qa']);
  });
});
