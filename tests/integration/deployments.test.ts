import { describe, expect, inject, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeCrew } from '../support/crew';
import { http } from '../support/http';

describe('reading deployments', () => {
  it('GET /api/health reports the database', async () => {
    const res = await http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', db: 'ok' });
  });

  it('lists the deployments a person takes part in, and no others', async () => {
    const crew = await makeCrew();
    const mine = await http({ token: crew.tokens.dba }).get('/api/deployments');
    expect(mine.status).toBe(200);
    expect(mine.body.deployments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: crew.deployment.id, name: crew.deployment.name, state: 'planned' }),
      ]),
    );
    const theirs = await http({ token: crew.tokens.outsider }).get('/api/deployments');
    expect(theirs.body.deployments.map((d: { id: string }) => d.id)).not.toContain(crew.deployment.id);
    expect((await http().get('/api/deployments')).status).toBe(401);
  });

  it('marks a rehearsal on the list, so nobody mistakes it for the go-live', async () => {
    const [rehearsal, goLive] = [await makeCrew(), await makeCrew()];
    await prisma.deployment.update({ where: { id: rehearsal.deployment.id }, data: { rehearsal: true } });
    const listed = (await http({ token: inject('adminToken') }).get('/api/deployments')).body.deployments;
    const row = (id: string) => listed.find((d: { id: string }) => d.id === id);
    expect(row(rehearsal.deployment.id)).toMatchObject({ rehearsal: true });
    expect(row(goLive.deployment.id)).toMatchObject({ rehearsal: false });
  });

  it('keeps new war rooms on the list after hundreds have finished, newest finished first, fifty at a time', async () => {
    const crew = await makeCrew();
    // A year of go-lives and rehearsals behind the DBA: 501 finished rooms, room 0 finished last.
    const hour = 3_600_000;
    const rooms = Array.from({ length: 501 }, (_, i) => ({
      id: `${crew.deployment.id}-done-${i}`,
      name: `Past go-live ${i}`,
      state: 'completed' as const,
      goLiveAt: new Date(Date.now() - (i + 2) * 24 * hour),
      finishedAt: new Date(Date.now() - (i + 1) * 24 * hour),
    }));
    await prisma.deployment.createMany({ data: rooms });
    await prisma.role.createMany({
      data: rooms.map((room) => ({ id: `${room.id}-dba`, deploymentId: room.id, key: 'dba', name: 'Database Admin' })),
    });
    await prisma.participant.createMany({
      data: rooms.map((room) => ({ deploymentId: room.id, roleId: `${room.id}-dba`, userId: crew.people.dba.id })),
    });
    const asDba = http({ token: crew.tokens.dba });
    const ids = (list: { id: string }[]) => list.map((d) => d.id);

    const first = await asDba.get('/api/deployments');
    expect(first.status).toBe(200);
    // The upcoming war room is there, however many finished before it.
    expect(ids(first.body.deployments)).toContain(crew.deployment.id);
    const finished = first.body.deployments.filter((d: { state: string }) => d.state === 'completed');
    expect(ids(finished)).toEqual(rooms.slice(0, 50).map((room) => room.id));
    expect(first.body.nextFinishedOffset).toBe(50);

    const older = await asDba.get('/api/deployments?finishedOffset=500');
    expect(ids(older.body.deployments)).toEqual([crew.deployment.id, rooms[500].id]);
    expect(older.body.nextFinishedOffset).toBeNull();

    for (const bad of ['-1', 'ten', '1e3', '']) {
      const refused = await asDba.get(`/api/deployments?finishedOffset=${bad}`);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('invalid_query');
    }
  });

  it('returns the whole state of one war room', async () => {
    const crew = await makeCrew();
    const res = await http({ token: crew.tokens.stakeholder }).get(`/api/deployments/${crew.deployment.id}`);
    expect(res.status).toBe(200);
    const state = res.body;
    expect(state).toMatchObject({ id: crew.deployment.id, name: crew.deployment.name, state: 'planned', seq: 1 });
    expect(state.roles).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'dba', name: 'Database Admin' })]),
    );
    expect(state.phases[0]).toMatchObject({ title: 'Pre-flight checks', plannedStartMin: -60, plannedDurationMin: 30 });
    const backup = state.phases[0].items.find((i: { title: string }) => i.title.startsWith('Take a verified backup'));
    expect(backup).toMatchObject({
      roleKey: 'dba',
      status: 'pending',
      version: 1,
      command: expect.stringContaining('pg_dump'),
    });
    expect(backup.children).toEqual([
      expect.objectContaining({ title: 'Record the backup size and checksum in the ticket', roleKey: 'dba' }),
    ]);
    expect(state.gates[0]).toMatchObject({
      title: 'Go / No-Go',
      status: 'waiting',
      requiredRoles: ['tech-lead', 'dba', 'devops', 'qa'],
    });
  });

  it('refuses outsiders with 403 and unknown ids with 404', async () => {
    const crew = await makeCrew();
    const outsider = await http({ token: crew.tokens.outsider }).get(`/api/deployments/${crew.deployment.id}`);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.code).toBe('forbidden');
    const unknown = await http({ token: crew.tokens.ic }).get('/api/deployments/does-not-exist');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });

  it('returns events after N complete and in order', async () => {
    const crew = await makeCrew();
    const api = http({ token: crew.tokens.ic });
    const dbaItems = crew.items.filter((i) => i.role.key === 'dba');
    for (const item of dbaItems) {
      expect(
        (await api.patch(`/api/deployments/${crew.deployment.id}/items/${item.id}`, { status: 'done', version: 1 }))
          .status,
      ).toBe(200);
    }
    const all = await api.get(`/api/deployments/${crew.deployment.id}/events?after=0`);
    expect(all.body.events.map((e: { seq: number }) => e.seq)).toEqual(
      Array.from({ length: dbaItems.length + 1 }, (_, i) => i + 1),
    );
    const later = await api.get(`/api/deployments/${crew.deployment.id}/events?after=2`);
    expect(later.body.events[0].seq).toBe(3);
    expect(later.body.events).toHaveLength(dbaItems.length - 1);
    for (const event of later.body.events)
      expect(event).toMatchObject({ type: 'item.updated', actor: 'Iris IC', role: 'ic', at: expect.any(String) });
    expect((await api.get(`/api/deployments/${crew.deployment.id}/events?after=-1`)).status).toBe(422);
  });
});
