import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ListChangedPayload, WatchListAck } from '@/lib/contracts/realtime';
import { itemsOf, makeDeployment, makeTemplate, makeToken, makeUser } from '@/lib/server/seed/factories';
import { makeCrew } from '../support/crew';
import { http } from '../support/http';
import { connect, connected, type TestSocket } from '../support/socket';

/**
 * The Deployments page is live: it watches the war rooms it shows and hears of those that join
 * its list, through rooms of its own (it is not in any war room), and only of war rooms its
 * person may read.
 */
const open: TestSocket[] = [];
afterEach(() => {
  for (const socket of open.splice(0)) socket.disconnect();
});

async function listWatcher(token: string) {
  const socket = connect({ token });
  open.push(socket);
  await connected(socket);
  const heard: string[] = [];
  const waiters: { id: string; resolve: () => void }[] = [];
  socket.on('deployments:changed', ({ deploymentId }: ListChangedPayload) => {
    heard.push(deploymentId);
    for (const w of waiters.filter((w) => w.id === deploymentId)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  return {
    socket,
    heard,
    watch: (deploymentIds: unknown) =>
      new Promise<WatchListAck>((resolve) => socket.emit('deployments:watch', { deploymentIds } as never, resolve)),
    watchRaw: (payload: unknown) =>
      new Promise<WatchListAck>((resolve) => socket.emit('deployments:watch', payload as never, resolve)),
    /** Resolves when a change of this war room has been heard (now or later). */
    hears: (id: string) =>
      new Promise<void>((resolve) => (heard.includes(id) ? resolve() : waiters.push({ id, resolve }))),
  };
}

const tick = (token: string, deploymentId: string, itemId: string) =>
  http({ token }).patch(`/api/deployments/${deploymentId}/items/${itemId}`, { status: 'done', version: 1 });

describe('the live Deployments page', () => {
  it('hears a tick in a war room it shows, and nothing of one its person may not read', async () => {
    const crew = await makeCrew();
    // The outsider's own war room: what it hears of that one shows what it would have heard first.
    const own = await makeDeployment({ people: { ic: [crew.people.outsider.id] } });
    const ic = await listWatcher(crew.tokens.ic);
    const outsider = await listWatcher(crew.tokens.outsider);
    expect(await ic.watch([crew.deployment.id])).toEqual({ ok: true, watching: 1 });
    // Someone else's war room and an id of nothing are left out, as the list leaves them out.
    expect(await outsider.watch([crew.deployment.id, own.id, 'cnothingatall000000000000'])).toEqual({
      ok: true,
      watching: 1,
    });

    expect((await tick(crew.tokens.dba, crew.deployment.id, crew.itemOf('dba').id)).status).toBe(200);
    await ic.hears(crew.deployment.id);
    const [ownItem] = await itemsOf(own.id);
    expect((await tick(crew.tokens.outsider, own.id, ownItem.id)).status).toBe(200);
    // One socket hears its changes in the order they were committed: the first was never sent.
    await outsider.hears(own.id);
    expect(outsider.heard).toEqual([own.id]);
  });

  it('hears of a war room made by its person, a role given to them, and — for an admin — any new one', async () => {
    const crew = await makeCrew();
    const newcomer = await makeUser({ name: 'Nora Newcomer' });
    const newcomerList = await listWatcher(await makeToken(newcomer.id));
    const icList = await listWatcher(crew.tokens.ic);
    const adminList = await listWatcher(inject('adminToken'));
    for (const list of [newcomerList, icList, adminList])
      expect(await list.watch([])).toEqual({ ok: true, watching: 0 });

    // The IC starts a war room: their own list and every admin's hear of it.
    const template = await makeTemplate();
    const made = await http({ token: crew.tokens.ic }).post('/api/deployments', {
      templateId: template.id,
      name: 'Payments cutover',
      goLiveAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(made.status).toBe(201);
    await Promise.all([icList.hears(made.body.id), adminList.hears(made.body.id)]);

    // The IC gives the newcomer a role in it: the newcomer's list hears of it.
    const added = await http({ token: crew.tokens.ic }).post(`/api/deployments/${made.body.id}/participants`, {
      email: newcomer.email,
      roleKey: 'dba',
    });
    expect(added.status).toBe(201);
    await newcomerList.hears(made.body.id);
    expect(newcomerList.heard).toEqual([made.body.id]);
  });

  it('stops hearing of a war room once its person is taken out of it', async () => {
    const crew = await makeCrew();
    const elsewhere = await makeDeployment({ people: { ic: [crew.people.dba.id] } });
    const dba = await listWatcher(crew.tokens.dba);
    expect(await dba.watch([crew.deployment.id, elsewhere.id])).toEqual({ ok: true, watching: 2 });
    const participant = (await http({ token: crew.tokens.ic }).get(`/api/deployments/${crew.deployment.id}`)).body.roles
      .find((r: { key: string }) => r.key === 'dba')
      .holders.find((h: { userId: string }) => h.userId === crew.people.dba.id);
    const removed = await http({ token: crew.tokens.ic }).del(
      `/api/deployments/${crew.deployment.id}/participants/${participant.participantId}`,
    );
    expect(removed.status).toBe(200);
    // Told once that the war room left the list...
    await dba.hears(crew.deployment.id);
    // ...and not of what happens in it afterwards.
    expect((await tick(crew.tokens.ic, crew.deployment.id, crew.itemOf('ic').id)).status).toBe(200);
    const [item] = await itemsOf(elsewhere.id);
    expect((await tick(crew.tokens.dba, elsewhere.id, item.id)).status).toBe(200);
    await dba.hears(elsewhere.id);
    expect(dba.heard).toEqual([crew.deployment.id, elsewhere.id]);
  });

  it('refuses a watch that is not a list of war-room ids, or too long a one, and watches nothing new', async () => {
    const crew = await makeCrew();
    const ic = await listWatcher(crew.tokens.ic);
    const refused = { ok: false, error: { code: 'invalid_body', message: expect.stringContaining('at most 500') } };
    expect(await ic.watchRaw({ deploymentIds: 'all' })).toEqual(refused);
    expect(await ic.watchRaw(null)).toEqual(refused);
    expect(await ic.watch([`${crew.deployment.id}\n`])).toEqual(refused);
    expect(await ic.watch(Array.from({ length: 501 }, () => crew.deployment.id))).toEqual(refused);
    expect((await tick(crew.tokens.dba, crew.deployment.id, crew.itemOf('dba').id)).status).toBe(200);
    // Watching it now hears the next change, and only that one.
    expect(await ic.watch([crew.deployment.id])).toEqual({ ok: true, watching: 1 });
    expect((await tick(crew.tokens.qa, crew.deployment.id, crew.itemOf('qa').id)).status).toBe(200);
    await ic.hears(crew.deployment.id);
    expect(ic.heard).toEqual([crew.deployment.id]);
  });
});
