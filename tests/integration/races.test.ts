import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { approveFirstGate, makeDrivenCrew, startFirstPhase, tickPhase } from '../support/lifecycle';

// Each race is run many times: before the fix the losing request slipped through often enough
// for a handful of rounds to show it; after it, every round must keep the invariant.
const ROUNDS = 20;

async function eventsOf(deploymentId: string) {
  return prisma.event.findMany({
    where: { deploymentId },
    orderBy: { seq: 'asc' },
    select: { seq: true, type: true, payload: true },
  });
}

describe('item writes under the deployment lock', () => {
  it('never leaves a re-opened item in a phase completed at the same moment', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const crew = await makeDrivenCrew();
      const first = await startFirstPhase(crew);
      await tickPhase(first.id);
      await approveFirstGate(crew);
      const item = await prisma.checklistItem.findFirstOrThrow({ where: { phaseId: first.id, role: { key: 'dba' } } });

      const [tick, complete] = await Promise.all([
        crew.as(crew.tokens.dba).patch(crew.url(`/items/${item.id}`), { status: 'pending', version: item.version }),
        crew.ic.post(crew.url(`/phases/${first.id}/complete`)),
      ]);

      const phase = await prisma.phase.findUniqueOrThrow({ where: { id: first.id } });
      const reopened = await prisma.checklistItem.findUniqueOrThrow({ where: { id: item.id } });
      const events = await eventsOf(crew.id);
      const completedAt = events.find((e) => e.type === 'phase.completed')?.seq;
      const ticks = events.filter((e) => e.type === 'item.updated').map((e) => e.seq);
      if (complete.status === 200) {
        // The phase completed first: the tick is refused with what to do instead, and changed nothing.
        expect(tick.status).toBe(409);
        expect(tick.body.error).toMatchObject({ code: 'illegal_transition', refusal: 'phase_finished' });
        expect(tick.body.error.message).toContain('Add a note to the timeline instead');
        expect(phase.status).toBe('completed');
        expect(reopened.status).toBe('done');
        expect(ticks.every((seq) => seq < completedAt!)).toBe(true);
      } else {
        // The tick came first: the phase has an open item again and is refused as incomplete.
        expect(tick.status).toBe(200);
        expect(complete.status).toBe(409);
        expect(complete.body.error.refusal).toBe('phase_incomplete');
        expect(phase.status).toBe('active');
        expect(reopened.status).toBe('pending');
        expect(completedAt).toBeUndefined();
      }
    }
  });

  it('never records a tick after the deployment was aborted at the same moment', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const crew = await makeDrivenCrew();
      expect((await crew.ic.post(crew.url('/transitions'), { to: 'preflight' })).status).toBe(200);
      const item = crew.itemOf('dba');

      const [tick, abort] = await Promise.all([
        crew.as(crew.tokens.dba).patch(crew.url(`/items/${item.id}`), { status: 'done', version: item.version }),
        crew.ic.post(crew.url('/transitions'), { to: 'aborted', reason: 'vendor outage' }),
      ]);

      expect(abort.status).toBe(200);
      const events = await eventsOf(crew.id);
      const abortedAt = events.find(
        (e) => e.type === 'deployment.transitioned' && (e.payload as { to?: string }).to === 'aborted',
      )!.seq;
      const ticks = events.filter((e) => e.type === 'item.updated').map((e) => e.seq);
      const stored = await prisma.checklistItem.findUniqueOrThrow({ where: { id: item.id } });
      if (tick.status === 200) {
        expect(ticks).toEqual([expect.any(Number)]);
        expect(ticks[0]).toBeLessThan(abortedAt);
        expect(stored.status).toBe('done');
      } else {
        expect(tick.status).toBe(409);
        expect(tick.body.error).toMatchObject({ code: 'illegal_transition', refusal: 'deployment_finished' });
        expect(tick.body.error.message).toBe(
          'The deployment is aborted: its checklist can no longer change. Add a note to the timeline instead.',
        );
        expect(ticks).toEqual([]);
        expect(stored.status).toBe('pending');
      }
    }
  });
});

describe('the last-IC rule under the deployment lock', () => {
  it('never lets two removals at once leave a war room without an IC', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const crew = await makeDrivenCrew();
      const second = await makeUser({ name: 'Ivo Second IC' });
      const icRole = await prisma.role.findFirstOrThrow({ where: { deploymentId: crew.id, isIc: true } });
      const ics = await prisma.participant.findMany({ where: { roleId: icRole.id } });
      const added = await prisma.participant.create({
        data: { deploymentId: crew.id, roleId: icRole.id, userId: second.id },
      });
      await makeToken(second.id);
      expect(ics).toHaveLength(1);

      const admin = crew.as(crew.tokens.admin);
      const [a, b] = await Promise.all([
        admin.del(crew.url(`/participants/${ics[0].id}`)),
        admin.del(crew.url(`/participants/${added.id}`)),
      ]);

      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const refused = a.status === 409 ? a : b;
      expect(refused.body.error).toMatchObject({
        code: 'conflict',
        message: 'A war room needs an incident commander: assign another IC first.',
      });
      expect(await prisma.participant.count({ where: { roleId: icRole.id } })).toBe(1);
      const removals = (await eventsOf(crew.id)).filter((e) => e.type === 'participant.removed');
      expect(removals).toHaveLength(1);
    }
  });
});
