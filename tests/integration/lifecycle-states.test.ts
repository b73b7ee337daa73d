import { describe, expect, it } from 'vitest';
import type { TemplateDefinitionInput } from '@/lib/domain/template-definition';
import { prisma } from '@/lib/server/db';
import { makeDeployment, makeToken, makeUser } from '@/lib/server/seed/factories';
import { http } from '../support/http';
import {
  eventTypesAfter,
  expectError,
  gatesOf,
  makeDrivenCrew,
  phasesOf,
  seqOf,
  snapshot,
  tickPhase,
} from '../support/lifecycle';

/**
 * The deployment's state machine, driven by the IC: transitions (preflight, hold, resume,
 * abort, what is illegal) and a whole go-live from planned to completed through its
 * checkpoints. Phases and the rollback checklist are in lifecycle-phases-rollback.test.ts.
 */

describe('POST /api/deployments/:id/transitions', () => {
  it('lets the IC start preflight: one deployment.transitioned event, startedAt recorded', async () => {
    const crew = await makeDrivenCrew();
    const before = await seqOf(crew.id);
    const res = await crew.ic.post(crew.url('/transitions'), { to: 'preflight' });
    expect(res.status).toBe(200);
    expect(res.body.deployment).toMatchObject({
      id: crew.id,
      state: 'preflight',
      heldFromState: null,
      startedAt: expect.any(String),
    });
    expect(res.body.seq).toBe(before + 1);
    expect(await eventTypesAfter(crew.id, before)).toEqual(['deployment.transitioned']);
    const events = await crew.ic.get(crew.url(`/events?after=${before}`));
    expect(events.body.events[0]).toMatchObject({
      type: 'deployment.transitioned',
      actor: 'Iris IC',
      role: 'ic',
      data: { from: 'planned', to: 'preflight' },
    });
  });

  it('refuses everyone but the IC (and admins) with 403, anonymous with 401, and changes nothing', async () => {
    const crew = await makeDrivenCrew();
    const before = await snapshot(crew.id);
    for (const token of [crew.tokens.dba, crew.tokens.qa, crew.tokens.stakeholder, crew.tokens.outsider]) {
      expectError(await crew.as(token).post(crew.url('/transitions'), { to: 'preflight' }), 403, 'forbidden');
    }
    expectError(await http().post(crew.url('/transitions'), { to: 'preflight' }), 401, 'unauthenticated');
    expect(await snapshot(crew.id)).toEqual(before);
    // An admin is not in the room but may drive it.
    const admin = await crew.as(crew.tokens.admin).post(crew.url('/transitions'), { to: 'preflight' });
    expect(admin.status).toBe(200);
  });

  it('refuses illegal transitions with 409 illegal_transition and says what is possible', async () => {
    const crew = await makeDrivenCrew();
    const before = await snapshot(crew.id);
    for (const to of ['completed', 'monitoring', 'in_progress', 'on_hold', 'rolled_back', 'planned']) {
      const res = await crew.ic.post(crew.url('/transitions'), { to, reason: 'because' });
      expectError(res, 409, 'illegal_transition');
    }
    const planned = await crew.ic.post(crew.url('/transitions'), { to: 'in_progress' });
    expect(planned.body.error.message).toMatch(/start preflight or abort/);
    expect(planned.body.error.refusal).toBe('illegal_transition');
    expect(await snapshot(crew.id)).toEqual(before);
  });

  it('sends rollbacks to the rollback endpoint and refuses unknown states as invalid', async () => {
    const crew = await makeDrivenCrew();
    await crew.ic.post(crew.url('/transitions'), { to: 'preflight' });
    const before = await snapshot(crew.id);
    const rollback = await crew.ic.post(crew.url('/transitions'), { to: 'rolling_back', reason: 'errors' });
    expectError(rollback, 409, 'illegal_transition');
    expect(rollback.body.error.message).toMatch(/Declare rollback/);
    expectError(await crew.ic.post(crew.url('/transitions'), { to: 'nowhere' }), 422, 'invalid_body');
    expectError(await crew.ic.post(crew.url('/transitions'), {}), 422, 'invalid_body');
    expectError(await crew.ic.post(crew.url('/transitions'), '{oops'), 422, 'invalid_body');
    expect(await snapshot(crew.id)).toEqual(before);
  });

  it('guards monitoring until every go-live phase is completed, naming the open ones', async () => {
    const crew = await makeDrivenCrew();
    await crew.ic.post(crew.url('/transitions'), { to: 'preflight' });
    expect((await crew.ic.post(crew.url('/transitions'), { to: 'in_progress' })).status).toBe(200);
    const before = await snapshot(crew.id);
    const res = await crew.ic.post(crew.url('/transitions'), { to: 'monitoring' });
    expectError(res, 409, 'illegal_transition');
    expect(res.body.error.refusal).toBe('phases_incomplete');
    expect(res.body.error.message).toContain("'Pre-flight checks'");
    expect(await snapshot(crew.id)).toEqual(before);
  });

  it('holds with a reason, resumes only to where it was held, and records both', async () => {
    const crew = await makeDrivenCrew();
    await crew.ic.post(crew.url('/transitions'), { to: 'preflight' });
    const unchanged = await snapshot(crew.id);
    expectError(await crew.ic.post(crew.url('/transitions'), { to: 'on_hold' }), 422, 'reason_required');
    expectError(await crew.ic.post(crew.url('/transitions'), { to: 'on_hold', reason: '   ' }), 422, 'reason_required');
    expect(await snapshot(crew.id)).toEqual(unchanged);

    const seq = await seqOf(crew.id);
    const hold = await crew.ic.post(crew.url('/transitions'), { to: 'on_hold', reason: 'Replica lag 40 s' });
    expect(hold.status).toBe(200);
    expect(hold.body.deployment).toMatchObject({
      state: 'on_hold',
      heldFromState: 'preflight',
      stateReason: 'Replica lag 40 s',
    });

    const held = await snapshot(crew.id);
    const wrong = await crew.ic.post(crew.url('/transitions'), { to: 'in_progress' });
    expectError(wrong, 409, 'illegal_transition');
    expect(wrong.body.error.message).toMatch(/resume to preflight/);
    expect(await snapshot(crew.id)).toEqual(held);

    const resume = await crew.ic.post(crew.url('/transitions'), { to: 'preflight' });
    expect(resume.status).toBe(200);
    expect(resume.body.deployment).toMatchObject({ state: 'preflight', heldFromState: null, stateReason: null });
    expect(await eventTypesAfter(crew.id, seq)).toEqual(['deployment.transitioned', 'deployment.transitioned']);
    const events = (await crew.ic.get(crew.url(`/events?after=${seq}`))).body.events;
    expect(events.map((e: { data: unknown }) => e.data)).toEqual([
      expect.objectContaining({ from: 'preflight', to: 'on_hold', reason: 'Replica lag 40 s', heldFrom: 'preflight' }),
      expect.objectContaining({ from: 'on_hold', to: 'preflight', resumed: true }),
    ]);
  });

  it('aborts only with a reason; an aborted deployment is final', async () => {
    const crew = await makeDrivenCrew();
    expectError(await crew.ic.post(crew.url('/transitions'), { to: 'aborted' }), 422, 'reason_required');
    const abort = await crew.ic.post(crew.url('/transitions'), { to: 'aborted', reason: 'Vendor outage' });
    expect(abort.status).toBe(200);
    expect(abort.body.deployment).toMatchObject({
      state: 'aborted',
      stateReason: 'Vendor outage',
      finishedAt: expect.any(String),
    });
    const after = await snapshot(crew.id);
    const again = await crew.ic.post(crew.url('/transitions'), { to: 'preflight' });
    expectError(again, 409, 'illegal_transition');
    expect(again.body.error.message).toMatch(/Aborted is final/);
    expect(await snapshot(crew.id)).toEqual(after);
  });

  it('replays a retried transition with the same Idempotency-Key once', async () => {
    const crew = await makeDrivenCrew();
    const seq = await seqOf(crew.id);
    const first = await crew.ic.post(crew.url('/transitions'), { to: 'preflight' }, { 'idempotency-key': 'go-1' });
    const again = await crew.ic.post(crew.url('/transitions'), { to: 'preflight' }, { 'idempotency-key': 'go-1' });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await eventTypesAfter(crew.id, seq)).toEqual(['deployment.transitioned']);
  });
});
describe('the whole go-live to completed, with checkpoints', () => {
  const definition: TemplateDefinitionInput = {
    name: 'Small go-live',
    roles: [
      { key: 'ic', name: 'Incident Commander', isIc: true },
      { key: 'dba', name: 'DBA' },
      { key: 'stakeholder', name: 'Stakeholder' },
    ],
    phases: [
      {
        title: 'Cutover',
        plannedStartMin: 0,
        plannedDurationMin: 20,
        items: [{ title: 'Flip DNS', roleKey: 'dba', children: [] }],
        gates: [{ title: 'Go', requiredRoles: ['dba'] }],
      },
      {
        title: 'Hypercare',
        kind: 'monitoring',
        plannedStartMin: 20,
        plannedDurationMin: 1440,
        items: [],
        gates: [{ title: '+12 h checkpoint', kind: 'checkpoint', offsetMin: 720, requiredRoles: ['dba'] }],
      },
      { title: 'Rollback', kind: 'rollback', items: [{ title: 'Flip DNS back', roleKey: 'dba', children: [] }] },
    ],
  };

  it('reaches completed only when the checkpoints are signed; every action appends the documented events', async () => {
    const [ic, dba] = await Promise.all([makeUser({ name: 'Ivy IC' }), makeUser({ name: 'Dov DBA' })]);
    const deployment = await makeDeployment({ definition, people: { ic: [ic.id], dba: [dba.id] } });
    const [icApi, dbaApi] = [http({ token: await makeToken(ic.id) }), http({ token: await makeToken(dba.id) })];
    const url = (rest: string) => `/api/deployments/${deployment.id}${rest}`;
    const [cutover, hypercare] = await phasesOf(deployment.id);
    const [go, checkpoint] = await gatesOf(deployment.id);

    const steps: [() => Promise<{ status: number }>, number, string[]][] = [
      [() => icApi.post(url('/transitions'), { to: 'preflight' }), 200, ['deployment.transitioned']],
      [() => icApi.post(url(`/phases/${cutover.id}/start`)), 200, ['phase.started']],
      [() => icApi.post(url('/transitions'), { to: 'in_progress' }), 200, ['deployment.transitioned']],
      [
        async () => {
          await tickPhase(cutover.id);
          return { status: 0 };
        },
        0,
        [],
      ],
      [
        () => dbaApi.post(url(`/gates/${go.id}/signoffs`), { decision: 'approve' }),
        201,
        ['gate.signed', 'gate.opened'],
      ],
      [() => icApi.post(url(`/phases/${cutover.id}/complete`)), 200, ['phase.completed']],
      [() => icApi.post(url('/transitions'), { to: 'monitoring' }), 200, ['deployment.transitioned']],
      [() => icApi.post(url('/transitions'), { to: 'completed' }), 409, []],
      [() => icApi.post(url(`/phases/${hypercare.id}/start`)), 200, ['phase.started']],
      [() => icApi.post(url(`/phases/${hypercare.id}/complete`)), 409, []],
      [
        () =>
          dbaApi.post(url(`/gates/${checkpoint.id}/signoffs`), { decision: 'approve', comment: 'error budget intact' }),
        201,
        ['gate.signed', 'gate.opened'],
      ],
      [() => icApi.post(url(`/phases/${hypercare.id}/complete`)), 200, ['phase.completed']],
      [() => icApi.post(url('/transitions'), { to: 'completed' }), 200, ['deployment.transitioned']],
    ];
    for (const [act, status, types] of steps) {
      const seq = await seqOf(deployment.id);
      const res = await act();
      expect(res.status).toBe(status);
      expect(await eventTypesAfter(deployment.id, seq)).toEqual(types);
    }
    const final = await icApi.get(url(''));
    expect(final.body).toMatchObject({ state: 'completed', finishedAt: expect.any(String) });
    expect(final.body.gates.map((g: { status: string }) => g.status)).toEqual(['open', 'open']);
    expect(final.body.phases.map((p: { status: string }) => p.status)).toEqual(['completed', 'completed', 'pending']);
  });

  it('refuses completed with the unsigned checkpoints named', async () => {
    const ic = await makeUser({ name: 'Ivy IC' });
    const deployment = await makeDeployment({ definition, people: { ic: [ic.id] } });
    await prisma.phase.updateMany({
      where: { deploymentId: deployment.id, kind: 'normal' },
      data: { status: 'completed' },
    });
    await prisma.deployment.update({ where: { id: deployment.id }, data: { state: 'monitoring' } });
    const res = await http({ token: await makeToken(ic.id) }).post(`/api/deployments/${deployment.id}/transitions`, {
      to: 'completed',
    });
    expectError(res, 409, 'illegal_transition');
    expect(res.body.error.refusal).toBe('checkpoints_unsigned');
    expect(res.body.error.message).toContain("'+12 h checkpoint'");
  });
});
