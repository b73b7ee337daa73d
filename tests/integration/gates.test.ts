import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeToken } from '@/lib/server/seed/factories';
import { http } from '../support/http';
import {
  approveFirstGate,
  eventTypesAfter,
  expectError,
  gatesOf,
  makeDrivenCrew,
  seqOf,
  snapshot,
  startFirstPhase,
} from '../support/lifecycle';

describe('POST /api/deployments/:id/gates/:gateId/signoffs', () => {
  it('records an approval with person, role, time and the newest metric values, in one event', async () => {
    const crew = await makeDrivenCrew();
    const [gate] = await gatesOf(crew.id);
    const series = await prisma.metricSeries.create({
      data: { deploymentId: crew.id, key: 'error_rate', name: 'Error rate', unit: '%' },
    });
    await prisma.metricSample.createMany({
      data: [
        { seriesId: series.id, ts: new Date(Date.now() - 20_000), value: 2.5 },
        { seriesId: series.id, ts: new Date(Date.now() - 5_000), value: 0.4 },
      ],
    });
    const seq = await seqOf(crew.id);
    const res = await crew
      .as(crew.tokens.dba)
      .post(crew.url(`/gates/${gate.id}/signoffs`), { decision: 'approve', comment: 'backup verified' });
    expect(res.status).toBe(201);
    expect(res.body.signoff).toMatchObject({
      roleKey: 'dba',
      user: 'Dana DBA',
      decision: 'approve',
      comment: 'backup verified',
      at: expect.any(String),
    });
    expect(res.body.signoff.metrics).toEqual({ error_rate: { value: 0.4, unit: '%', at: expect.any(String) } });
    expect(res.body.gate).toMatchObject({ id: gate.id, status: 'waiting', version: gate.version + 1 });
    expect(await eventTypesAfter(crew.id, seq)).toEqual(['gate.signed']);
    const event = (await crew.ic.get(crew.url(`/events?after=${seq}`))).body.events[0];
    expect(event).toMatchObject({
      actor: 'Dana DBA',
      role: 'dba',
      data: { gateTitle: 'Go / No-Go', roleName: 'Database Admin', decision: 'approve', gateStatus: 'waiting' },
    });

    const state = await crew.as(crew.tokens.stakeholder).get(crew.url());
    expect(state.body.gates[0]).toMatchObject({
      id: gate.id,
      phaseId: gate.phaseId,
      requiredRoles: ['tech-lead', 'dba', 'devops', 'qa'],
      status: 'waiting',
      signoffs: [
        expect.objectContaining({
          roleKey: 'dba',
          user: 'Dana DBA',
          decision: 'approve',
          at: expect.any(String),
          comment: 'backup verified',
        }),
      ],
    });
  });

  it("refuses people who hold none of the gate's roles — the IC included — and changes nothing", async () => {
    const crew = await makeDrivenCrew();
    const [gate] = await gatesOf(crew.id);
    const before = await snapshot(crew.id);
    for (const token of [crew.tokens.ic, crew.tokens.stakeholder, crew.tokens.outsider, crew.tokens.admin]) {
      expectError(
        await crew.as(token).post(crew.url(`/gates/${gate.id}/signoffs`), { decision: 'approve' }),
        403,
        'forbidden',
      );
    }
    expectError(
      await http().post(crew.url(`/gates/${gate.id}/signoffs`), { decision: 'approve' }),
      401,
      'unauthenticated',
    );
    expectError(
      await crew.as(crew.tokens.dba).post(crew.url('/gates/nope/signoffs'), { decision: 'approve' }),
      404,
      'not_found',
    );
    expectError(
      await crew.as(crew.tokens.dba).post(crew.url(`/gates/${gate.id}/signoffs`), { decision: 'maybe' }),
      422,
      'invalid_body',
    );
    expect(await snapshot(crew.id)).toEqual(before);
  });

  it("asks a person holding several of the gate's roles which one they sign as", async () => {
    const crew = await makeDrivenCrew();
    const [gate] = await gatesOf(crew.id);
    const url = crew.url(`/gates/${gate.id}/signoffs`);
    const qa = crew.as(crew.tokens.qa);
    const before = await snapshot(crew.id);
    const unsure = await qa.post(url, { decision: 'approve' });
    expectError(unsure, 422, 'role_required');
    expect(unsure.body.error.message).toMatch(/DevOps and QA Lead|QA Lead and DevOps/);
    expectError(await qa.post(url, { decision: 'approve', roleKey: 'dba' }), 403, 'forbidden');
    expectError(await qa.post(url, { decision: 'approve', roleKey: 'comms' }), 422, 'role_not_required');
    expect(await snapshot(crew.id)).toEqual(before);
    expect((await qa.post(url, { decision: 'approve', roleKey: 'qa' })).body.signoff.roleKey).toBe('qa');
    expectError(await qa.post(url, { decision: 'approve', roleKey: 'qa' }), 409, 'already_signed');
  });

  it("needs a comment to reject; a rejection blocks the gate; changing one's mind supersedes it", async () => {
    const crew = await makeDrivenCrew();
    const [gate] = await gatesOf(crew.id);
    const url = crew.url(`/gates/${gate.id}/signoffs`);
    const dba = crew.as(crew.tokens.dba);
    expectError(await dba.post(url, { decision: 'reject' }), 422, 'comment_required');
    expectError(await dba.post(url, { decision: 'reject', comment: '  ' }), 422, 'comment_required');
    const reject = await dba.post(url, { decision: 'reject', comment: 'Replication lag 40 s' });
    expect(reject.status).toBe(201);
    expect(reject.body.gate.status).toBe('rejected');
    const seq = await seqOf(crew.id);
    const approve = await dba.post(url, { decision: 'approve', comment: 'lag back under 1 s' });
    expect(approve.status).toBe(201);
    expect(approve.body.gate.status).toBe('waiting');
    expect(approve.body.gate.signoffs).toEqual([
      expect.objectContaining({ decision: 'approve', comment: 'lag back under 1 s' }),
    ]);
    expect(await eventTypesAfter(crew.id, seq)).toEqual(['gate.signed']);
    const rows = (await gatesOf(crew.id))[0].signoffs;
    expect(rows.map((s) => [s.decision, s.withdrawnAt === null])).toEqual([
      ['reject', false],
      ['approve', true],
    ]);
  });

  it('opens the gate with the last approval: gate.signed then gate.opened in one transaction', async () => {
    const crew = await makeDrivenCrew();
    const [gate] = await gatesOf(crew.id);
    const url = crew.url(`/gates/${gate.id}/signoffs`);
    await crew.as(crew.tokens.tech).post(url, { decision: 'approve' });
    await crew.as(crew.tokens.qa).post(url, { decision: 'approve', roleKey: 'qa' });
    await crew.as(crew.tokens.devops).post(url, { decision: 'approve' });
    const seq = await seqOf(crew.id);
    const last = await crew.as(crew.tokens.dba).post(url, { decision: 'approve' });
    expect(last.status).toBe(201);
    expect(last.body.seq).toBe(seq + 2);
    expect(last.body.gate).toMatchObject({ status: 'open', openedAt: expect.any(String) });
    expect(await eventTypesAfter(crew.id, seq)).toEqual(['gate.signed', 'gate.opened']);
    const closed = await snapshot(crew.id);
    const late = await crew.as(crew.tokens.dba).post(url, { decision: 'reject', comment: 'too late' });
    expectError(late, 409, 'gate_closed');
    expect(late.body.error.gate).toMatchObject({ id: gate.id, status: 'open' });
    expect(await snapshot(crew.id)).toEqual(closed);
  });

  it('counts every one of several sign-offs sent at the same moment', async () => {
    for (let round = 0; round < 3; round += 1) {
      const crew = await makeDrivenCrew();
      const [gate] = await gatesOf(crew.id);
      const url = crew.url(`/gates/${gate.id}/signoffs`);
      const seq = await seqOf(crew.id);
      const results = await Promise.all([
        crew.as(crew.tokens.tech).post(url, { decision: 'approve' }),
        crew.as(crew.tokens.dba).post(url, { decision: 'approve' }),
        crew.as(crew.tokens.qa).post(url, { decision: 'approve', roleKey: 'qa' }),
        crew.as(crew.tokens.devops).post(url, { decision: 'approve' }),
      ]);
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      const [after] = await gatesOf(crew.id);
      expect(after.signoffs.filter((s) => !s.withdrawnAt)).toHaveLength(4);
      expect(after).toMatchObject({ status: 'open', version: gate.version + 4 });
      const types = await eventTypesAfter(crew.id, seq);
      expect(types.filter((t) => t === 'gate.signed')).toHaveLength(4);
      // The gate opens exactly once, right after whichever approval came last.
      expect(types).toHaveLength(5);
      expect(types[4]).toBe('gate.opened');
    }
  });
});

describe('DELETE /api/deployments/:id/gates/:gateId/signoffs/:signoffId', () => {
  it("withdraws one's own sign-off while the gate is undecided, in one event", async () => {
    const crew = await makeDrivenCrew();
    const [gate] = await gatesOf(crew.id);
    const signed = await crew
      .as(crew.tokens.dba)
      .post(crew.url(`/gates/${gate.id}/signoffs`), { decision: 'reject', comment: 'lag' });
    const id = signed.body.signoff.id;
    const before = await snapshot(crew.id);
    expectError(await crew.as(crew.tokens.tech).del(crew.url(`/gates/${gate.id}/signoffs/${id}`)), 403, 'forbidden');
    expectError(await crew.ic.del(crew.url(`/gates/${gate.id}/signoffs/${id}`)), 403, 'forbidden');
    expectError(await crew.as(crew.tokens.dba).del(crew.url(`/gates/${gate.id}/signoffs/nope`)), 404, 'not_found');
    expect(await snapshot(crew.id)).toEqual(before);

    const seq = await seqOf(crew.id);
    const res = await crew.as(crew.tokens.dba).del(crew.url(`/gates/${gate.id}/signoffs/${id}`));
    expect(res.status).toBe(200);
    expect(res.body.gate).toMatchObject({ status: 'waiting', signoffs: [] });
    expect(await eventTypesAfter(crew.id, seq)).toEqual(['gate.signoff_withdrawn']);
    expectError(
      await crew.as(crew.tokens.dba).del(crew.url(`/gates/${gate.id}/signoffs/${id}`)),
      409,
      'already_withdrawn',
    );
  });

  it('never after the gate opened', async () => {
    const crew = await makeDrivenCrew();
    const gate = await approveFirstGate(crew);
    const mine = (await gatesOf(crew.id))[0].signoffs.find((s) => s.roleKey === 'dba')!;
    const before = await snapshot(crew.id);
    const res = await crew.as(crew.tokens.dba).del(crew.url(`/gates/${gate.id}/signoffs/${mine.id}`));
    expectError(res, 409, 'gate_closed');
    expect(await snapshot(crew.id)).toEqual(before);
  });

  it('opens the gate when withdrawing the only rejection leaves every role approved', async () => {
    const crew = await makeDrivenCrew();
    const [gate] = await gatesOf(crew.id);
    const url = crew.url(`/gates/${gate.id}/signoffs`);
    // A second DBA rejects after the first approved; the role is blocked until the rejection goes.
    const second = await prisma.user.create({
      data: { id: `u-${gate.id}`, name: 'Dirk DBA', email: `dirk-${gate.id}@example.test` },
    });
    const dbaRole = await prisma.role.findFirstOrThrow({ where: { deploymentId: crew.id, key: 'dba' } });
    await prisma.participant.create({ data: { deploymentId: crew.id, roleId: dbaRole.id, userId: second.id } });
    const dirk = crew.as(await makeToken(second.id));
    await crew.as(crew.tokens.tech).post(url, { decision: 'approve' });
    await crew.as(crew.tokens.dba).post(url, { decision: 'approve' });
    const rejection = await dirk.post(url, { decision: 'reject', comment: 'wait for my check' });
    await crew.as(crew.tokens.qa).post(url, { decision: 'approve', roleKey: 'qa' });
    const last = await crew.as(crew.tokens.devops).post(url, { decision: 'approve' });
    expect(last.body.gate.status).toBe('rejected');
    const seq = await seqOf(crew.id);
    const res = await dirk.del(crew.url(`/gates/${gate.id}/signoffs/${rejection.body.signoff.id}`));
    expect(res.status).toBe(200);
    expect(res.body.gate.status).toBe('open');
    expect(await eventTypesAfter(crew.id, seq)).toEqual(['gate.signoff_withdrawn', 'gate.opened']);
  });
});

describe('POST /api/deployments/:id/gates/:gateId/override', () => {
  it('lets only the IC or an admin override, always with a reason', async () => {
    const crew = await makeDrivenCrew();
    const [gate] = await gatesOf(crew.id);
    const url = crew.url(`/gates/${gate.id}/override`);
    const before = await snapshot(crew.id);
    for (const token of [crew.tokens.dba, crew.tokens.qa, crew.tokens.stakeholder, crew.tokens.outsider]) {
      expectError(await crew.as(token).post(url, { reason: 'ship it' }), 403, 'forbidden');
    }
    expectError(await crew.ic.post(url, {}), 422, 'reason_required');
    expectError(await crew.ic.post(url, { reason: ' ' }), 422, 'reason_required');
    expect(await snapshot(crew.id)).toEqual(before);

    await crew
      .as(crew.tokens.dba)
      .post(crew.url(`/gates/${gate.id}/signoffs`), { decision: 'reject', comment: 'lag 40 s' });
    const [rejected] = await gatesOf(crew.id);
    const seq = await seqOf(crew.id);
    const res = await crew.ic.post(url, {
      reason: 'Lag is on the replica we are retiring; DBA agreed by phone',
      version: rejected.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.gate).toMatchObject({
      status: 'overridden',
      overrideReason: 'Lag is on the replica we are retiring; DBA agreed by phone',
      overriddenBy: 'Iris IC',
      openedAt: expect.any(String),
    });
    expect(await eventTypesAfter(crew.id, seq)).toEqual(['gate.overridden']);
    const event = (await crew.ic.get(crew.url(`/events?after=${seq}`))).body.events[0];
    expect(event.data).toMatchObject({
      previousStatus: 'rejected',
      missingRoleNames: ['Tech Lead', 'Database Admin', 'DevOps', 'QA Lead'],
    });
    const state = await crew.as(crew.tokens.stakeholder).get(crew.url());
    expect(state.body.gates[0]).toMatchObject({ status: 'overridden', overriddenBy: 'Iris IC' });

    const after = await snapshot(crew.id);
    expectError(await crew.ic.post(url, { reason: 'again' }), 409, 'gate_closed');
    expectError(
      await crew.as(crew.tokens.dba).post(crew.url(`/gates/${gate.id}/signoffs`), { decision: 'approve' }),
      409,
      'gate_closed',
    );
    expect(await snapshot(crew.id)).toEqual(after);
  });

  it('refuses a stale override: the gate changed since the IC looked', async () => {
    const crew = await makeDrivenCrew();
    const [gate] = await gatesOf(crew.id);
    await crew
      .as(crew.tokens.dba)
      .post(crew.url(`/gates/${gate.id}/signoffs`), { decision: 'reject', comment: 'lag 40 s' });
    const before = await snapshot(crew.id);
    const res = await crew.ic.post(crew.url(`/gates/${gate.id}/override`), {
      reason: 'we accept the risk',
      version: gate.version,
    });
    expectError(res, 409, 'stale_version');
    expect(res.body.error.gate).toMatchObject({ id: gate.id, status: 'rejected', version: gate.version + 1 });
    expect(res.body.error.gate.signoffs).toEqual([
      expect.objectContaining({ decision: 'reject', comment: 'lag 40 s' }),
    ]);
    expect(await snapshot(crew.id)).toEqual(before);
  });

  it('lets an admin override a gate, and the override unblocks the phase', async () => {
    const crew = await makeDrivenCrew();
    const first = await startFirstPhase(crew);
    const [gate] = await gatesOf(crew.id);
    const res = await crew
      .as(crew.tokens.admin)
      .post(crew.url(`/gates/${gate.id}/override`), { reason: 'Sign-offs collected on the bridge' });
    expect(res.status).toBe(200);
    expect(res.body.gate).toMatchObject({ status: 'overridden', overriddenBy: 'Admin' });
    const blocked = await crew.ic.post(crew.url(`/phases/${first.id}/complete`));
    expect(blocked.body.error.blockers).toHaveLength(1);
    expect(blocked.body.error.blockers[0]).toMatch(/items still open/);
  });
});
