import { describe, expect, it } from 'vitest';
import { templateDefinitionSchema, type TemplateDefinition } from './template-definition';
import { templateReferenceProblem } from './template-references';

const TEMPLATE: TemplateDefinition = templateDefinitionSchema.parse({
  name: 'T',
  roles: [
    { key: 'ic', name: 'Incident Commander', isIc: true },
    { key: 'dba', name: 'DBA' },
  ],
  phases: [
    {
      title: 'Deploy',
      items: [{ title: 'Backup', roleKey: 'dba', children: [{ title: 'Checksum', roleKey: 'dba' }] }],
      gates: [{ title: 'Go', requiredRoles: ['dba'] }],
    },
  ],
});

describe('templateReferenceProblem', () => {
  it('accepts a template whose items and gates name declared roles', () => {
    expect(templateReferenceProblem(TEMPLATE)).toBeNull();
  });

  it('names undeclared roles, in nested items and gates alike', () => {
    const phase = TEMPLATE.phases[0];
    const broken: TemplateDefinition = {
      ...TEMPLATE,
      phases: [
        {
          ...phase,
          items: [{ ...phase.items[0], children: [{ ...phase.items[0].children[0], roleKey: 'ghost' }] }],
          gates: [{ ...phase.gates[0], requiredRoles: ['qa'] }],
        },
      ],
    };
    expect(templateReferenceProblem(broken)).toBe('The template uses roles it does not declare: ghost, qa.');
  });

  it('refuses two roles with one key', () => {
    const twice = { ...TEMPLATE, roles: [...TEMPLATE.roles, { ...TEMPLATE.roles[1], name: 'Another DBA' }] };
    expect(templateReferenceProblem(twice)).toMatch(/share one key/);
  });
});
