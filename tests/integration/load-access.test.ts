import { describe, expect, it } from 'vitest';
import { accessKey, loadAccesses } from '@/lib/server/deployments/load-access';
import { makeCrew } from '../support/crew';

describe('loadAccesses (a crowd subscribing at once, in one statement)', () => {
  it('answers each person once, with each role they hold once, however often they were asked for', async () => {
    const crew = await makeCrew();
    const qa = { deploymentId: crew.deployment.id, userId: crew.people.qa.id };
    const dba = { deploymentId: crew.deployment.id, userId: crew.people.dba.id };
    const accesses = await loadAccesses([qa, dba, qa, { ...qa }]);
    expect(accesses.size).toBe(2);
    // QA holds two roles in this crew (qa and devops), each once.
    const held = accesses.get(accessKey(qa.deploymentId, qa.userId))!.heldRoles.map((role) => role.key);
    expect(held.sort()).toEqual(['devops', 'qa']);
    expect(accesses.get(accessKey(dba.deploymentId, dba.userId))!.heldRoles.map((role) => role.key)).toEqual(['dba']);
  });

  it('answers nothing for a deployment that does not exist', async () => {
    const crew = await makeCrew();
    const accesses = await loadAccesses([{ deploymentId: 'no-such-deployment', userId: crew.people.qa.id }]);
    expect(accesses.size).toBe(0);
  });
});
