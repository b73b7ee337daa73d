import { describe, expect, it } from 'vitest';
import type { TemplateDefinitionInput } from '@/lib/domain/template-definition';
import { prisma } from '@/lib/server/db';
import { makeDeployment, makeToken, makeUser } from '@/lib/server/seed/factories';
import { http } from '../support/http';
import {
  approveFirstGate,
  eventTypesAfter,
  expectError,
  gatesOf,
  makeDrivenCrew,
  phasesOf,
  seqOf,
  snapshot,
  startFirstPhase,
  tickPhase,
} from '../support/lifecycle';

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

describe('POST /api/deployments/:id/phases/:phaseId/start|complete', () => {
  it('starts phases only once preflight has started, in order, one at a time', async () => {
    const crew = await makeDrivenCrew();
    const [first, second] = await phasesOf(crew.id);
    const planned = await crew.ic.post(crew.url(`/phases/${first.id}/start`));
    expectError(planned, 409, 'illegal_transition');
    expect(planned.body.error.refusal).toBe('deployment_not_active');
    expect(planned.body.error.message).toMatch(/start preflight/);

    await crew.ic.post(crew.url('/transitions'), { to: 'preflight' });
    const before = await snapshot(crew.id);
    const early = await crew.ic.post(crew.url(`/phases/${second.id}/start`));
    expectError(early, 409, 'illegal_transition');
    expect(early.body.error.refusal).toBe('phase_out_of_order');
    expect(early.body.error.message).toContain("complete 'Pre-flight checks'");
    for (const token of [crew.tokens.dba, crew.tokens.stakeholder, crew.tokens.outsider]) {
      expectError(await crew.as(token).post(crew.url(`/phases/${first.id}/start`)), 403, 'forbidden');
    }
    expectError(await crew.ic.post(crew.url('/phases/nope/start')), 404, 'not_found');
    expect(await snapshot(crew.id)).toEqual(before);

    const seq = await seqOf(crew.id);
    const start = await crew.ic.post(crew.url(`/phases/${first.id}/start`));
    expect(start.status).toBe(200);
    expect(start.body.phase).toMatchObject({ id: first.id, status: 'active', startedAt: expect.any(String) });
    expect(await eventTypesAfter(crew.id, seq)).toEqual(['phase.started']);
    const event = (await crew.ic.get(crew.url(`/events?after=${seq}`))).body.events[0];
    expect(event.data).toMatchObject({
      phaseId: first.id,
      title: 'Pre-flight checks',
      plannedDurationMin: 30,
      startDelaySeconds: expect.any(Number),
    });

    const twice = await crew.ic.post(crew.url(`/phases/${second.id}/start`));
    expectError(twice, 409, 'illegal_transition');
    expect(twice.body.error.refusal).toBe('phase_already_active');
    expectError(await crew.ic.post(crew.url(`/phases/${first.id}/start`)), 409, 'illegal_transition');
  });

  it('completes a phase only when its items are settled and its gate is open, saying what blocks it', async () => {
    const crew = await makeDrivenCrew();
    const first = await startFirstPhase(crew);
    const before = await snapshot(crew.id);
    const open = await crew.ic.post(crew.url(`/phases/${first.id}/complete`));
    expectError(open, 409, 'illegal_transition');
    expect(open.body.error.refusal).toBe('phase_incomplete');
    expect(open.body.error.blockers).toEqual([
      expect.stringMatching(/^9 items still open: /),
      "Gate 'Go / No-Go' needs Tech Lead's, Database Admin's, DevOps's and QA Lead's sign-offs",
    ]);
    expectError(await crew.as(crew.tokens.dba).post(crew.url(`/phases/${first.id}/complete`)), 403, 'forbidden');
    expect(await snapshot(crew.id)).toEqual(before);

    await tickPhase(first.id);
    const gateOnly = await crew.ic.post(crew.url(`/phases/${first.id}/complete`));
    expect(gateOnly.body.error.blockers).toEqual([
      "Gate 'Go / No-Go' needs Tech Lead's, Database Admin's, DevOps's and QA Lead's sign-offs",
    ]);

    await approveFirstGate(crew);
    const seq = await seqOf(crew.id);
    const done = await crew.ic.post(crew.url(`/phases/${first.id}/complete`));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      phase: { id: first.id, status: 'completed', completedAt: expect.any(String) },
      deploymentState: 'preflight',
    });
    expect(await eventTypesAfter(crew.id, seq)).toEqual(['phase.completed']);
    expectError(await crew.ic.post(crew.url(`/phases/${first.id}/complete`)), 409, 'illegal_transition');
  });

  it('counts skipped items, and the steps under a skipped item, as settled', async () => {
    const crew = await makeDrivenCrew();
    const first = await startFirstPhase(crew);
    await tickPhase(first.id);
    const backup = await prisma.checklistItem.findFirstOrThrow({
      where: { phaseId: first.id, title: { startsWith: 'Take a verified backup' } },
    });
    await prisma.checklistItem.update({
      where: { id: backup.id },
      data: { status: 'skipped', note: 'snapshot taken by the cloud' },
    });
    await prisma.checklistItem.updateMany({ where: { parentId: backup.id }, data: { status: 'pending' } });
    await approveFirstGate(crew);
    expect((await crew.ic.post(crew.url(`/phases/${first.id}/complete`))).status).toBe(200);
  });

  it('refuses to complete a phase while the deployment is on hold', async () => {
    const crew = await makeDrivenCrew();
    const first = await startFirstPhase(crew);
    await tickPhase(first.id);
    await approveFirstGate(crew);
    await crew.ic.post(crew.url('/transitions'), { to: 'on_hold', reason: 'Bridge dropped' });
    const res = await crew.ic.post(crew.url(`/phases/${first.id}/complete`));
    expectError(res, 409, 'illegal_transition');
    expect(res.body.error.message).toMatch(/on hold/);
  });
});

describe('POST /api/deployments/:id/rollback', () => {
  it('is for the IC only, needs a level and a reason, and nothing runs to roll back while planned', async () => {
    const crew = await makeDrivenCrew();
    const before = await snapshot(crew.id);
    const planned = await crew.ic.post(crew.url('/rollback'), { level: 'major', reason: 'errors' });
    expectError(planned, 409, 'illegal_transition');
    expect(planned.body.error.message).toMatch(/Nothing is running yet/);
    await crew.ic.post(crew.url('/transitions'), { to: 'preflight' });
    const running = await snapshot(crew.id);
    expectError(
      await crew.as(crew.tokens.dba).post(crew.url('/rollback'), { level: 'major', reason: 'errors' }),
      403,
      'forbidden',
    );
    expectError(
      await crew.as(crew.tokens.stakeholder).post(crew.url('/rollback'), { level: 'major', reason: 'errors' }),
      403,
      'forbidden',
    );
    expectError(await crew.ic.post(crew.url('/rollback'), { level: 'major' }), 422, 'reason_required');
    expectError(await crew.ic.post(crew.url('/rollback'), { reason: 'errors' }), 422, 'level_required');
    expectError(
      await crew.ic.post(crew.url('/rollback'), { level: 'apocalyptic', reason: 'errors' }),
      422,
      'invalid_body',
    );
    expect(await snapshot(crew.id)).toEqual(running);
    expect(before.deployment.state).toBe('planned');
  });

  it('switches the room to the rollback checklist in one event; completing it ends as rolled back', async () => {
    const crew = await makeDrivenCrew();
    await startFirstPhase(crew);
    await crew.ic.post(crew.url('/transitions'), { to: 'in_progress' });
    const seq = await seqOf(crew.id);
    const res = await crew.ic.post(crew.url('/rollback'), { level: 'critical', reason: 'Error rate 12 % for 5 min' });
    expect(res.status).toBe(200);
    const rollbackPhase = (await phasesOf(crew.id)).find((p) => p.kind === 'rollback')!;
    expect(res.body).toMatchObject({
      deployment: { state: 'rolling_back', stateReason: 'Error rate 12 % for 5 min' },
      phase: { id: rollbackPhase.id, title: 'Rollback' },
    });
    expect(await eventTypesAfter(crew.id, seq)).toEqual(['rollback.declared']);
    const event = (await crew.ic.get(crew.url(`/events?after=${seq}`))).body.events[0];
    expect(event.data).toMatchObject({
      level: 'critical',
      levelNumber: 3,
      reason: 'Error rate 12 % for 5 min',
      from: 'in_progress',
      phaseId: rollbackPhase.id,
    });

    // Every role sees it: the rollback phase is the active one, with its items for DevOps, DBA, QA, comms.
    const seen = await crew.as(crew.tokens.dba).get(crew.url());
    expect(seen.body.state).toBe('rolling_back');
    const phase = seen.body.phases.find((p: { id: string }) => p.id === rollbackPhase.id);
    expect(phase).toMatchObject({ status: 'active', startedAt: expect.any(String) });
    expect(phase.items.map((i: { roleKey: string }) => i.roleKey)).toEqual(['devops', 'dba', 'qa', 'comms']);

    const before = await snapshot(crew.id);
    const early = await crew.ic.post(crew.url(`/phases/${rollbackPhase.id}/complete`));
    expectError(early, 409, 'illegal_transition');
    expect(early.body.error.blockers[0]).toMatch(/4 items still open/);
    expectError(await crew.ic.post(crew.url('/transitions'), { to: 'rolled_back' }), 409, 'illegal_transition');
    expectError(
      await crew.ic.post(crew.url('/transitions'), { to: 'aborted', reason: 'give up' }),
      409,
      'illegal_transition',
    );
    expect(await snapshot(crew.id)).toEqual(before);

    await tickPhase(rollbackPhase.id);
    const seq2 = await seqOf(crew.id);
    const done = await crew.ic.post(crew.url(`/phases/${rollbackPhase.id}/complete`));
    expect(done.status).toBe(200);
    expect(done.body.deploymentState).toBe('rolled_back');
    // Documented: completing the last rollback phase appends phase.completed and deployment.transitioned.
    expect(await eventTypesAfter(crew.id, seq2)).toEqual(['phase.completed', 'deployment.transitioned']);
    const row = await prisma.deployment.findUniqueOrThrow({ where: { id: crew.id } });
    expect(row).toMatchObject({ state: 'rolled_back', stateReason: 'Error rate 12 % for 5 min' });
    expect(row.finishedAt).toBeInstanceOf(Date);
    expectError(await crew.ic.post(crew.url('/transitions'), { to: 'preflight' }), 409, 'illegal_transition');
  });

  it('can be declared from a hold, and resumes to rolling back after a hold of the rollback', async () => {
    const crew = await makeDrivenCrew();
    await crew.ic.post(crew.url('/transitions'), { to: 'preflight' });
    await crew.ic.post(crew.url('/transitions'), { to: 'on_hold', reason: 'Smoke red' });
    const res = await crew.ic.post(crew.url('/rollback'), { level: 1, reason: 'Smoke stays red' });
    expect(res.status).toBe(200);
    expect(res.body.deployment.state).toBe('rolling_back');
    expect(
      (await crew.ic.post(crew.url('/transitions'), { to: 'on_hold', reason: 'DBA reconnecting' })).body.deployment
        .heldFromState,
    ).toBe('rolling_back');
    expectError(
      await crew.ic.post(crew.url('/transitions'), { to: 'aborted', reason: 'stop' }),
      409,
      'illegal_transition',
    );
    expect((await crew.ic.post(crew.url('/transitions'), { to: 'rolling_back' })).status).toBe(200);
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
