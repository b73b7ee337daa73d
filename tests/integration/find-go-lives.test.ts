import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeCrew } from '../support/crew';
import { http } from '../support/http';

type Room = {
  name: string;
  version?: string;
  environment?: string;
  state: 'completed' | 'planned' | 'in_progress';
  rehearsal?: boolean;
};

/** War rooms where `userId` is the DBA, finished a day apart (the first finished last). */
async function roomsFor(userId: string, prefix: string, rooms: Room[]): Promise<string[]> {
  const day = 24 * 3_600_000;
  const data = rooms.map((room, i) => ({
    id: `${prefix}-${i}`,
    name: room.name,
    version: room.version ?? '1.0',
    environment: room.environment ?? 'production',
    state: room.state,
    rehearsal: room.rehearsal ?? false,
    goLiveAt: new Date(Date.now() + (room.state === 'completed' ? -(i + 2) : i + 1) * day),
    finishedAt: room.state === 'completed' ? new Date(Date.now() - (i + 1) * day) : null,
  }));
  await prisma.deployment.createMany({ data });
  await prisma.role.createMany({
    data: data.map((room) => ({ id: `${room.id}-dba`, deploymentId: room.id, key: 'dba', name: 'Database Admin' })),
  });
  await prisma.participant.createMany({
    data: data.map((room) => ({ deploymentId: room.id, roleId: `${room.id}-dba`, userId })),
  });
  return data.map((room) => room.id);
}

/** "What did we do for payments last quarter?": the Deployments page's search. */
describe('finding go-lives', () => {
  it('finds live, upcoming and finished go-lives by part of their name, version or environment', async () => {
    const crew = await makeCrew();
    const [cutOver, ledger, live, euRoom, percent] = await roomsFor(crew.people.dba.id, crew.deployment.id, [
      { name: 'Refunds cut-over', state: 'completed' },
      { name: 'Ledger', version: '2.0', state: 'completed' },
      { name: 'Checkout', version: 'refunds-7.1', state: 'in_progress' },
      { name: 'Card vault', environment: 'REFUNDS-eu', state: 'planned' },
      { name: 'Uptime 100% drill', state: 'completed' },
    ]);
    const asDba = http({ token: crew.tokens.dba });
    const ids = async (query: string) => {
      const res = await asDba.get(`/api/deployments?q=${encodeURIComponent(query)}`);
      expect(res.status).toBe(200);
      return res.body.deployments.map((d: { id: string }) => d.id);
    };

    // Unfinished first (soonest go-live first), then finished (most recently finished first).
    expect(await ids('reFUNDS')).toEqual([live, euRoom, cutOver]);
    expect(await ids('  ledger ')).toEqual([ledger]);
    // `%` and `_` are letters: as LIKE's wildcards they would match every room.
    expect(await ids('100%')).toEqual([percent]);
    expect(await ids('%')).toEqual([percent]);
    expect(await ids('_')).toEqual([]);
    // Blank is no search: every room the DBA takes part in.
    expect(await ids(' ')).toEqual(
      expect.arrayContaining([crew.deployment.id, cutOver, ledger, live, euRoom, percent]),
    );
    // Someone else's war rooms stay out of their search.
    const outsider = await http({ token: crew.tokens.outsider }).get('/api/deployments?q=refunds');
    expect(outsider.body.deployments.map((d: { id: string }) => d.id)).not.toContain(cutOver);

    for (const hostile of ['x'.repeat(101), 'a%0Ab', '%07']) {
      const refused = await asDba.get(`/api/deployments?q=${hostile}`);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'invalid_query', message: expect.stringContaining('`q`') });
    }
  });

  it('pages through the finished go-lives a search finds, fifty at a time', async () => {
    const crew = await makeCrew();
    const rooms = await roomsFor(crew.people.dba.id, crew.deployment.id, [
      ...Array.from({ length: 51 }, (_, i) => ({ name: `Failover drill ${i}`, state: 'completed' as const })),
      { name: 'Patch night', state: 'completed' },
    ]);
    const asDba = http({ token: crew.tokens.dba });
    const ids = (list: { id: string }[]) => list.map((d) => d.id);

    const first = await asDba.get('/api/deployments?q=drill');
    expect(ids(first.body.deployments)).toEqual(rooms.slice(0, 50));
    expect(first.body.nextFinishedOffset).toBe(50);
    const older = await asDba.get('/api/deployments?q=drill&finishedOffset=50');
    expect(ids(older.body.deployments)).toEqual([rooms[50]]);
    expect(older.body.nextFinishedOffset).toBeNull();
    const patch = await asDba.get('/api/deployments?q=patch');
    expect(ids(patch.body.deployments)).toEqual([rooms[51]]);
    expect(patch.body.nextFinishedOffset).toBeNull();
  });

  it('lists only real go-lives or only rehearsals when asked, with or without a search', async () => {
    const crew = await makeCrew();
    const [dryRun, cutOver, rehearsalNext] = await roomsFor(crew.people.dba.id, crew.deployment.id, [
      { name: 'Ledger dry run', state: 'completed', rehearsal: true },
      { name: 'Ledger cut-over', state: 'completed' },
      { name: 'Ledger rehearsal two', state: 'planned', rehearsal: true },
    ]);
    const asDba = http({ token: crew.tokens.dba });
    const ids = async (query: string) => {
      const res = await asDba.get(`/api/deployments?${query}`);
      expect(res.status).toBe(200);
      return res.body.deployments.map((d: { id: string }) => d.id);
    };

    expect(await ids('q=ledger&kind=rehearsal')).toEqual([rehearsalNext, dryRun]);
    expect(await ids('q=ledger&kind=go-live')).toEqual([cutOver]);
    expect(await ids('q=ledger&kind=all')).toEqual([rehearsalNext, dryRun, cutOver]);
    // Without a search: the crew's own upcoming go-live is no rehearsal.
    expect(await ids('kind=rehearsal')).toEqual([rehearsalNext, dryRun]);
    expect(await ids('kind=go-live')).toEqual([crew.deployment.id, cutOver]);

    for (const bad of ['kind=drill', 'kind=', 'kind=Rehearsal']) {
      const refused = await asDba.get(`/api/deployments?${bad}`);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'invalid_query', message: expect.stringContaining('`kind`') });
    }
  });
});
