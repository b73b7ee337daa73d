import { describe, expect, it } from 'vitest';
import { canCreateTemplates, canManageTemplate } from './template-access';

const person = { userId: 'u1', isAdmin: false };

describe('template library rights', () => {
  it('lets anyone signed in create, but not with a read-only or deployment-bound token', () => {
    expect(canCreateTemplates(person)).toBe(true);
    expect(canCreateTemplates({ ...person, token: { scopes: ['read', 'write'], deploymentId: null } })).toBe(true);
    expect(canCreateTemplates({ ...person, token: { scopes: ['read'], deploymentId: null } })).toBe(false);
    expect(canCreateTemplates({ ...person, token: { scopes: ['write'], deploymentId: 'd1' } })).toBe(false);
  });

  it('lets the creator or an admin rename and delete', () => {
    expect(canManageTemplate(person, { createdById: 'u1' })).toBe(true);
    expect(canManageTemplate(person, { createdById: 'u2' })).toBe(false);
    expect(canManageTemplate(person, { createdById: null })).toBe(false);
    expect(canManageTemplate({ userId: 'a', isAdmin: true }, { createdById: 'u2' })).toBe(true);
    expect(
      canManageTemplate({ ...person, token: { scopes: ['read'], deploymentId: null } }, { createdById: 'u1' }),
    ).toBe(false);
  });
});
