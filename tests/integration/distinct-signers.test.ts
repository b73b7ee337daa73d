import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { DEMO_TEMPLATE } from '@/lib/server/seed/demo-template';
import { makeDeployment, makeTemplate, makeToken, makeUser } from '@/lib/server/seed/factories';
import { http } from '../support/http';
import { expectError, gatesOf, makeDrivenCrew, snapshot } from '../support/lifecycle';

/** Puts a user into one more role of the room (test setup, not behaviour). */
async function addRole(deploymentId: string, roleKey: string, userId: string) {
  const role = await prisma.role.findFirstOrThrow({ where: { deploymentId, key: roleKey } });
  await prisma.participant.create({ data: { deploymentId, roleId: role.id, userId } });
}

describe('one person signs a gate for one role only', () => {
  it('signs the first of two held roles (201) and is refused the second (422 same_signer), naming the first', async () => {
    const crew = await makeDrivenCrew();
    const [gate] = await gatesOf(crew.id);
    const url = crew.url(`/gates/${gate.id}/signoffs`);
    const qa = crew.as(crew.tokens.qa); // Quinn holds QA Lead and DevOps
    const first = await qa.post(url, { decision: 'approve', roleKey: 'devops' });
    expect(first.status).toBe(201);
    const before = await snapshot(crew.id);
    const second = await qa.post(url, { decision: 'approve', roleKey: 'qa' });
    expectError(second, 422, 'same_signer');
    expect(second.body.error.message).toContain('already signed for DevOps');
    expectError(await qa.post(url, { decision: 'reject', roleKey: 'qa', comment: 'no' }), 422, 'same_signer');
    expect(await snapshot(crew.id)).toEqual(before);

    // Someone else signs QA; withdrawing frees Quinn to sign QA instead of DevOps.
    await qa.del(crew.url(`/gates/${gate.id}/signoffs/${first.body.signoff.id}`));
    expect((await qa.post(url, { decision: 'approve', roleKey: 'qa' })).status).toBe(201);
    expect((await crew.as(crew.tokens.devops).post(url, { decision: 'approve' })).status).toBe(201);
    const state = await crew.ic.get(crew.url());
    expect(
      state.body.gates[0].signoffs.map((s: { roleKey: string; user: string }) => [s.roleKey, s.user]).sort(),
    ).toEqual([
      ['devops', 'Devi DevOps'],
      ['qa', 'Quinn QA'],
    ]);
    expect(state.body.gates[0].allowSameSigner).toBe(false);
  });

  it('a template gate with allowSameSigner lets one person sign several roles, and says so on the gate', async () => {
    const definition = structuredClone(DEMO_TEMPLATE);
    definition.phases[0].gates = [{ title: 'Go / No-Go', requiredRoles: ['dba', 'qa'], allowSameSigner: true }];
    const [owner, both] = await Promise.all([makeUser({ name: 'Ivy IC' }), makeUser({ name: 'Bo Both' })]);
    const deployment = await makeDeployment({ definition, people: { ic: [owner.id], dba: [both.id], qa: [both.id] } });
    const [gate] = await gatesOf(deployment.id);
    expect(gate.allowSameSigner).toBe(true);
    const bo = http({ token: await makeToken(both.id) });
    const url = `/api/deployments/${deployment.id}/gates/${gate.id}/signoffs`;
    expect((await bo.post(url, { decision: 'approve', roleKey: 'dba' })).status).toBe(201);
    const last = await bo.post(url, { decision: 'approve', roleKey: 'qa' });
    expect(last.status).toBe(201);
    expect(last.body.gate).toMatchObject({ status: 'open', allowSameSigner: true });
  });

  it('the template schema keeps allowSameSigner through a saved template', async () => {
    const definition = structuredClone(DEMO_TEMPLATE);
    definition.phases[0].gates = [{ title: 'Go / No-Go', requiredRoles: ['dba', 'qa'], allowSameSigner: true }];
    const template = await makeTemplate(definition);
    const ic = await makeUser({ name: 'Ike IC' });
    const res = await http({ token: await makeToken(ic.id) }).post('/api/deployments', {
      templateId: template.id,
      name: 'Same signer ok',
      goLiveAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(res.status).toBe(201);
    expect((await gatesOf(res.body.id))[0].allowSameSigner).toBe(true);
  });
});

describe('the IC does not override a gate they signed', () => {
  it('refuses the override (403 self_override) and changes nothing; another IC or an admin may', async () => {
    const crew = await makeDrivenCrew();
    await addRole(crew.id, 'dba', crew.people.ic.id);
    const [gate] = await gatesOf(crew.id);
    expect(
      (await crew.ic.post(crew.url(`/gates/${gate.id}/signoffs`), { decision: 'approve', roleKey: 'dba' })).status,
    ).toBe(201);
    const before = await snapshot(crew.id);
    const refused = await crew.ic.post(crew.url(`/gates/${gate.id}/override`), { reason: 'ship it' });
    expectError(refused, 403, 'self_override');
    expect(refused.body.error.message).toContain('Database Admin');
    expect(await snapshot(crew.id)).toEqual(before);
    expect(
      (await crew.as(crew.tokens.admin).post(crew.url(`/gates/${gate.id}/override`), { reason: 'Bridge call agreed' }))
        .status,
    ).toBe(200);
  });

  it('a deployment created with allowSelfOverride lets the IC override a gate they signed', async () => {
    const template = await makeTemplate();
    const ic = await makeUser({ name: 'Sol Self' });
    const icHttp = http({ token: await makeToken(ic.id) });
    const created = await icHttp.post('/api/deployments', {
      templateId: template.id,
      name: 'Small team',
      goLiveAt: new Date(Date.now() + 3_600_000).toISOString(),
      allowSelfOverride: true,
    });
    expect(created.status).toBe(201);
    expect((await icHttp.get(`/api/deployments/${created.body.id}`)).body.allowSelfOverride).toBe(true);
    await addRole(created.body.id, 'dba', ic.id);
    const [gate] = await gatesOf(created.body.id);
    const base = `/api/deployments/${created.body.id}/gates/${gate.id}`;
    expect((await icHttp.post(`${base}/signoffs`, { decision: 'approve', roleKey: 'dba' })).status).toBe(201);
    const res = await icHttp.post(`${base}/override`, { reason: 'Two-person team: I am DBA and IC' });
    expect(res.status).toBe(200);
    expect(res.body.gate.status).toBe('overridden');
  });
});
