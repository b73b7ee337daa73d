import { describe, expect, it } from 'vitest';
import { parseDeploymentKind } from './deployment-kind';

describe('which war rooms the Deployments page lists', () => {
  it('reads ?kind=: absent is all, an unknown word is nothing', () => {
    expect(parseDeploymentKind(null)).toBe('all');
    expect(parseDeploymentKind('rehearsal')).toBe('rehearsal');
    expect(parseDeploymentKind('go-live')).toBe('go-live');
    for (const bad of ['', 'Rehearsal', 'drill', '__proto__']) expect(parseDeploymentKind(bad)).toBeUndefined();
  });
});
