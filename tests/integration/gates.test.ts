import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeToken } from '@/lib/server/seed/factories';
import { http } from '../support/http';
import { approveFirstGate, eventTypesAfter, expectError, gatesOf, makeDrivenRoom, seqOf, snapshot, startFirstPhase } from '../support/lifecycle';

describe('POST /api/deployments/:id/gates/:gateId/signoffs', () => {
  it('records an approval with person, role, time and the newest metric values, in one event', async () => {
    const room = await makeDrivenRoom();
    const [gate] = await gatesOf(room.id);
    const series = await prisma.metricSeries.create({ data: { deploymentId: room.id, key: 'error_rate', name: 'Error rate', unit: '%' } });
    await prisma.metricSample.createMany({
      data: [
        { seriesId: series.id, ts: new Date(Date.now() - 20_000), value: 2.5 },
        { seriesId: series.id, ts: new Date(Date.now() - 5_000), value: 0.4 },
      ],
    });
    const seq = await seqOf(room.id);
    const res = await room.as(room.tokens.dba).post(room.url(`/gates/${gate.id}/signoffs`), { decision: 'approve', comment: 'backup verified' });
    expect(res.status).toBe(201);
    expect(res.body.signoff).toMatchObject({ roleKey: 'dba', user: 'Dana DBA', decision: 'approve', comment: 'backup verified', at: expect.any(String) });
    expect(res.body.signoff.metrics).toEqual({ error_rate: { value: 0.4, unit: '%', at: expect.any(String) } });
    expect(res.body.gate).toMatchObject({ id: gate.id, status: 'waiting', version: gate.version + 1 });
    expect(await eventTypesAfter(room.id, seq)).toEqual(['gate.signed']);
    const event = (await room.ic.get(room.url(`/events?after=${seq}`))).body.events[0];
    expect(event).toMatchObject({ actor: 'Dana DBA', role: 'dba', data: { gateTitle: 'Go / No-Go', roleName: 'Database Admin', decision: 'approve', gateStatus: 'waiting' } });

    const state = await room.as(room.tokens.stakeholder).get(room.url());
    expect(state.body.gates[0]).toMatchObject({
      id: gate.id, phaseId: gate.phaseId, requiredRoles: ['tech-lead', 'dba', 'devops', 'qa'], status: 'waiting',
      signoffs: [expect.objectContaining({ roleKey: 'dba', user: 'Dana DBA', decision: 'approve', at: expect.any(String), comment: 'backup verified' })],
    });
  });

  it('refuses people who hold none of the gate\'s roles — the IC included — and changes nothing', async () => {
    const room = await makeDrivenRoom();
    const [gate] = await gatesOf(room.id);
    const before = await snapshot(room.id);
    for (const token of [room.tokens.ic, room.tokens.stakeholder, room.tokens.outsider, room.tokens.admin]) {
      expectError(await room.as(token).post(room.url(`/gates/${gate.id}/signoffs`), { decision: 'approve' }), 403, 'forbidden');
    }
    expectError(await http().post(room.url(`/gates/${gate.id}/signoffs`), { decision: 'approve' }), 401, 'unauthenticated');
    expectError(await room.as(room.tokens.dba).post(room.url('/gates/nope/signoffs'), { decision: 'approve' }), 404, 'not_found');
    expectError(await room.as(room.tokens.dba).post(room.url(`/gates/${gate.id}/signoffs`), { decision: 'maybe' }), 422, 'invalid_body');
    expect(await snapshot(room.id)).toEqual(before);
  });

  it('asks a person holding several of the gate\'s roles which one they sign as', async () => {
    const room = await makeDrivenRoom();
    const [gate] = await gatesOf(room.id);
    const url = room.url(`/gates/${gate.id}/signoffs`);
    const qa = room.as(room.tokens.qa);
    const before = await snapshot(room.id);
    const unsure = await qa.post(url, { decision: 'approve' });
    expectError(unsure, 422, 'role_required');
    expect(unsure.body.error.message).toMatch(/DevOps and QA Lead|QA Lead and DevOps/);
    expectError(await qa.post(url, { decision: 'approve', roleKey: 'dba' }), 403, 'forbidden');
    expectError(await qa.post(url, { decision: 'approve', roleKey: 'comms' }), 422, 'role_not_required');
    expect(await snapshot(room.id)).toEqual(before);
    expect((await qa.post(url, { decision: 'approve', roleKey: 'qa' })).body.signoff.roleKey).toBe('qa');
    expectError(await qa.post(url, { decision: 'approve', roleKey: 'qa' }), 409, 'already_signed');
  });

  it('needs a comment to reject; a rejection blocks the gate; changing one\'s mind supersedes it', async () => {
    const room = await makeDrivenRoom();
    const [gate] = await gatesOf(room.id);
    const url = room.url(`/gates/${gate.id}/signoffs`);
    const dba = room.as(room.tokens.dba);
    expectError(await dba.post(url, { decision: 'reject' }), 422, 'comment_required');
    expectError(await dba.post(url, { decision: 'reject', comment: '  ' }), 422, 'comment_required');
    const reject = await dba.post(url, { decision: 'reject', comment: 'Replication lag 40 s' });
    expect(reject.status).toBe(201);
    expect(reject.body.gate.status).toBe('rejected');
    const seq = await seqOf(room.id);
    const approve = await dba.post(url, { decision: 'approve', comment: 'lag back under 1 s' });
    expect(approve.status).toBe(201);
    expect(approve.body.gate.status).toBe('waiting');
    expect(approve.body.gate.signoffs).toEqual([expect.objectContaining({ decision: 'approve', comment: 'lag back under 1 s' })]);
    expect(await eventTypesAfter(room.id, seq)).toEqual(['gate.signed']);
    const rows = (await gatesOf(room.id))[0].signoffs;
    expect(rows.map((s) => [s.decision, s.withdrawnAt === null])).toEqual([['reject', false], ['approve', true]]);
  });

  it('opens the gate with the last approval: gate.signed then gate.opened in one transaction', async () => {
    const room = await makeDrivenRoom();
    const [gate] = await gatesOf(room.id);
    const url = room.url(`/gates/${gate.id}/signoffs`);
    await room.as(room.tokens.tech).post(url, { decision: 'approve' });
    await room.as(room.tokens.qa).post(url, { decision: 'approve', roleKey: 'qa' });
    await room.as(room.tokens.devops).post(url, { decision: 'approve' });
    const seq = await seqOf(room.id);
    const last = await room.as(room.tokens.dba).post(url, { decision: 'approve' });
    expect(last.status).toBe(201);
    expect(last.body.seq).toBe(seq + 2);
    expect(last.body.gate).toMatchObject({ status: 'open', openedAt: expect.any(String) });
    expect(await eventTypesAfter(room.id, seq)).toEqual(['gate.signed', 'gate.opened']);
    const closed = await snapshot(room.id);
    const late = await room.as(room.tokens.dba).post(url, { decision: 'reject', comment: 'too late' });
    expectError(late, 409, 'gate_closed');
    expect(late.body.error.gate).toMatchObject({ id: gate.id, status: 'open' });
    expect(await snapshot(room.id)).toEqual(closed);
  });

  it('counts every one of several sign-offs sent at the same moment', async () => {
    for (let round = 0; round < 3; round += 1) {
      const room = await makeDrivenRoom();
      const [gate] = await gatesOf(room.id);
      const url = room.url(`/gates/${gate.id}/signoffs`);
      const seq = await seqOf(room.id);
      const results = await Promise.all([
        room.as(room.tokens.tech).post(url, { decision: 'approve' }),
        room.as(room.tokens.dba).post(url, { decision: 'approve' }),
        room.as(room.tokens.qa).post(url, { decision: 'approve', roleKey: 'qa' }),
        room.as(room.tokens.devops).post(url, { decision: 'approve' }),
      ]);
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      const [after] = await gatesOf(room.id);
      expect(after.signoffs.filter((s) => !s.withdrawnAt)).toHaveLength(4);
      expect(after).toMatchObject({ status: 'open', version: gate.version + 4 });
      const types = await eventTypesAfter(room.id, seq);
      expect(types.filter((t) => t === 'gate.signed')).toHaveLength(4);
      // The gate opens exactly once, right after whichever approval came last.
      expect(types).toHaveLength(5);
      expect(types[4]).toBe('gate.opened');
    }
  });
});

describe('DELETE /api/deployments/:id/gates/:gateId/signoffs/:signoffId', () => {
  it('withdraws one\'s own sign-off while the gate is undecided, in one event', async () => {
    const room = await makeDrivenRoom();
    const [gate] = await gatesOf(room.id);
    const signed = await room.as(room.tokens.dba).post(room.url(`/gates/${gate.id}/signoffs`), { decision: 'reject', comment: 'lag' });
    const id = signed.body.signoff.id;
    const before = await snapshot(room.id);
    expectError(await room.as(room.tokens.tech).del(room.url(`/gates/${gate.id}/signoffs/${id}`)), 403, 'forbidden');
    expectError(await room.ic.del(room.url(`/gates/${gate.id}/signoffs/${id}`)), 403, 'forbidden');
    expectError(await room.as(room.tokens.dba).del(room.url(`/gates/${gate.id}/signoffs/nope`)), 404, 'not_found');
    expect(await snapshot(room.id)).toEqual(before);

    const seq = await seqOf(room.id);
    const res = await room.as(room.tokens.dba).del(room.url(`/gates/${gate.id}/signoffs/${id}`));
    expect(res.status).toBe(200);
    expect(res.body.gate).toMatchObject({ status: 'waiting', signoffs: [] });
    expect(await eventTypesAfter(room.id, seq)).toEqual(['gate.signoff_withdrawn']);
    expectError(await room.as(room.tokens.dba).del(room.url(`/gates/${gate.id}/signoffs/${id}`)), 409, 'already_withdrawn');
  });

  it('never after the gate opened', async () => {
    const room = await makeDrivenRoom();
    const gate = await approveFirstGate(room);
    const mine = (await gatesOf(room.id))[0].signoffs.find((s) => s.roleKey === 'dba')!;
    const before = await snapshot(room.id);
    const res = await room.as(room.tokens.dba).del(room.url(`/gates/${gate.id}/signoffs/${mine.id}`));
    expectError(res, 409, 'gate_closed');
    expect(await snapshot(room.id)).toEqual(before);
  });

  it('opens the gate when withdrawing the only rejection leaves every role approved', async () => {
    const room = await makeDrivenRoom();
    const [gate] = await gatesOf(room.id);
    const url = room.url(`/gates/${gate.id}/signoffs`);
    // A second DBA rejects after the first approved; the role is blocked until the rejection goes.
    const second = await prisma.user.create({ data: { id: `u-${gate.id}`, name: 'Dirk DBA', email: `dirk-${gate.id}@example.test` } });
    const dbaRole = await prisma.role.findFirstOrThrow({ where: { deploymentId: room.id, key: 'dba' } });
    await prisma.participant.create({ data: { deploymentId: room.id, roleId: dbaRole.id, userId: second.id } });
    const dirk = room.as(await makeToken(second.id));
    await room.as(room.tokens.tech).post(url, { decision: 'approve' });
    await room.as(room.tokens.dba).post(url, { decision: 'approve' });
    const rejection = await dirk.post(url, { decision: 'reject', comment: 'wait for my check' });
    await room.as(room.tokens.qa).post(url, { decision: 'approve', roleKey: 'qa' });
    const last = await room.as(room.tokens.devops).post(url, { decision: 'approve' });
    expect(last.body.gate.status).toBe('rejected');
    const seq = await seqOf(room.id);
    const res = await dirk.del(room.url(`/gates/${gate.id}/signoffs/${rejection.body.signoff.id}`));
    expect(res.status).toBe(200);
    expect(res.body.gate.status).toBe('open');
    expect(await eventTypesAfter(room.id, seq)).toEqual(['gate.signoff_withdrawn', 'gate.opened']);
  });
});

describe('POST /api/deployments/:id/gates/:gateId/override', () => {
  it('lets only the IC or an admin override, always with a reason', async () => {
    const room = await makeDrivenRoom();
    const [gate] = await gatesOf(room.id);
    const url = room.url(`/gates/${gate.id}/override`);
    const before = await snapshot(room.id);
    for (const token of [room.tokens.dba, room.tokens.qa, room.tokens.stakeholder, room.tokens.outsider]) {
      expectError(await room.as(token).post(url, { reason: 'ship it' }), 403, 'forbidden');
    }
    expectError(await room.ic.post(url, {}), 422, 'reason_required');
    expectError(await room.ic.post(url, { reason: ' ' }), 422, 'reason_required');
    expect(await snapshot(room.id)).toEqual(before);

    await room.as(room.tokens.dba).post(room.url(`/gates/${gate.id}/signoffs`), { decision: 'reject', comment: 'lag 40 s' });
    const [rejected] = await gatesOf(room.id);
    const seq = await seqOf(room.id);
    const res = await room.ic.post(url, { reason: 'Lag is on the replica we are retiring; DBA agreed by phone', version: rejected.version });
    expect(res.status).toBe(200);
    expect(res.body.gate).toMatchObject({ status: 'overridden', overrideReason: 'Lag is on the replica we are retiring; DBA agreed by phone', overriddenBy: 'Iris IC', openedAt: expect.any(String) });
    expect(await eventTypesAfter(room.id, seq)).toEqual(['gate.overridden']);
    const event = (await room.ic.get(room.url(`/events?after=${seq}`))).body.events[0];
    expect(event.data).toMatchObject({ previousStatus: 'rejected', missingRoleNames: ['Tech Lead', 'Database Admin', 'DevOps', 'QA Lead'] });
    const state = await room.as(room.tokens.stakeholder).get(room.url());
    expect(state.body.gates[0]).toMatchObject({ status: 'overridden', overriddenBy: 'Iris IC' });

    const after = await snapshot(room.id);
    expectError(await room.ic.post(url, { reason: 'again' }), 409, 'gate_closed');
    expectError(await room.as(room.tokens.dba).post(room.url(`/gates/${gate.id}/signoffs`), { decision: 'approve' }), 409, 'gate_closed');
    expect(await snapshot(room.id)).toEqual(after);
  });

  it('refuses a stale override: the gate changed since the IC looked', async () => {
    const room = await makeDrivenRoom();
    const [gate] = await gatesOf(room.id);
    await room.as(room.tokens.dba).post(room.url(`/gates/${gate.id}/signoffs`), { decision: 'reject', comment: 'lag 40 s' });
    const before = await snapshot(room.id);
    const res = await room.ic.post(room.url(`/gates/${gate.id}/override`), { reason: 'we accept the risk', version: gate.version });
    expectError(res, 409, 'stale_version');
    expect(res.body.error.gate).toMatchObject({ id: gate.id, status: 'rejected', version: gate.version + 1 });
    expect(res.body.error.gate.signoffs).toEqual([expect.objectContaining({ decision: 'reject', comment: 'lag 40 s' })]);
    expect(await snapshot(room.id)).toEqual(before);
  });

  it('lets an admin override a gate, and the override unblocks the phase', async () => {
    const room = await makeDrivenRoom();
    const first = await startFirstPhase(room);
    const [gate] = await gatesOf(room.id);
    const res = await room.as(room.tokens.admin).post(room.url(`/gates/${gate.id}/override`), { reason: 'Sign-offs collected on the bridge' });
    expect(res.status).toBe(200);
    expect(res.body.gate).toMatchObject({ status: 'overridden', overriddenBy: 'Admin' });
    const blocked = await room.ic.post(room.url(`/phases/${first.id}/complete`));
    expect(blocked.body.error.blockers).toHaveLength(1);
    expect(blocked.body.error.blockers[0]).toMatch(/items still open/);
  });
});
