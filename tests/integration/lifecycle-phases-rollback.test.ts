import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import {
  approveFirstGate,
  eventTypesAfter,
  expectError,
  makeDrivenCrew,
  phasesOf,
  seqOf,
  snapshot,
  startFirstPhase,
  tickPhase,
} from '../support/lifecycle';

/**
 * Phases: starting and completing them in order, and declaring a rollback, which switches the
 * room to the rollback phase's checklist and ends as rolled back. The deployment's states are
 * in lifecycle-states.test.ts.
 */

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
