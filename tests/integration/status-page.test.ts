import { afterEach, describe, expect, it } from 'vitest';
import { hashToken } from '@/lib/server/auth/tokens';
import { prisma } from '@/lib/server/db';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { makeCrew } from '../support/crew';
import { baseUrl, http } from '../support/http';
import { connectPublic, disconnected, refused, watch, type PublicTestSocket } from '../support/public-socket';
import { connect, connected, type TestSocket } from '../support/socket';

const sockets: (PublicTestSocket | TestSocket)[] = [];
const track = <S extends PublicTestSocket | TestSocket>(socket: S) => (sockets.push(socket), socket);
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

/** A room with a comms person too, and a share link made by the IC. */
async function roomWithLink(showNames = false) {
  const crew = await makeCrew();
  const comms = await makeUser({ name: 'Cora Comms' });
  const role = await prisma.role.findFirstOrThrow({ where: { deploymentId: crew.deployment.id, key: 'comms' } });
  await prisma.participant.create({ data: { deploymentId: crew.deployment.id, roleId: role.id, userId: comms.id } });
  const ic = http({ token: crew.tokens.ic });
  const created = await ic.post(`/api/deployments/${crew.deployment.id}/share-links`, { showNames });
  expect(created.status).toBe(201);
  return {
    crew,
    ic,
    comms: http({ token: await makeToken(comms.id) }),
    link: created.body as { id: string; token: string; url: string },
    url: (rest = '') => `/api/deployments/${crew.deployment.id}${rest}`,
  };
}

describe('share links', () => {
  it('are created by the IC only, shown once and stored as a hash', async () => {
    const { crew, ic, link, url } = await roomWithLink();
    expect(link).toEqual({
      id: expect.any(String),
      token: expect.stringMatching(/^ws_[A-Za-z0-9_-]{32}$/),
      url: `/status/${link.token}`,
      showNames: false,
      createdAt: expect.any(String),
    });
    const row = await prisma.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(hashToken(link.token));
    expect(JSON.stringify(row)).not.toContain(link.token);

    const list = await ic.get(url('/share-links'));
    expect(list.status).toBe(200);
    expect(list.body.links).toEqual([
      expect.objectContaining({ id: link.id, showNames: false, createdBy: 'Iris IC', revokedAt: null }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(link.token);

    for (const token of [crew.tokens.dba, crew.tokens.stakeholder, crew.tokens.outsider]) {
      expect((await http({ token }).post(url('/share-links'), {})).status).toBe(403);
      expect((await http({ token }).get(url('/share-links'))).status).toBe(403);
    }
    expect(await prisma.shareLink.count({ where: { deploymentId: crew.deployment.id } })).toBe(1);
    const types = await prisma.event.findMany({
      where: { deploymentId: crew.deployment.id },
      select: { type: true, payload: true },
    });
    expect(types.find((e) => e.type === 'share_link.created')?.payload).toEqual({ linkId: link.id, showNames: false });
  });

  it('opens a public page with outsider-safe data only, which 404s the moment the link is revoked', async () => {
    const { crew, ic, link, url } = await roomWithLink();
    const item = crew.itemOf('dba');
    await http({ token: crew.tokens.dba }).patch(url(`/items/${item.id}`), {
      status: 'blocked',
      note: 'secret-note-about-db',
      version: item.version,
    });
    await ic.post(url('/status-updates'), { message: 'Canary at 25 %, all metrics green' });

    const page = await fetch(`${baseUrl()}${link.url}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(crew.deployment.name);
    expect(html).toContain('Canary at 25 %, all metrics green');
    for (const secret of ['secret-note-about-db', 'Iris IC', 'Dana DBA', item.title])
      expect(html).not.toContain(secret);

    const json = await http().get(`/api/status/${link.token}`);
    expect(json.status).toBe(200);
    expect(Object.keys(json.body).sort()).toEqual(
      [
        'currentPhase',
        'finishedAt',
        'gates',
        'goLiveAt',
        'health',
        'name',
        'phases',
        'progress',
        'seq',
        'startedAt',
        'state',
        'stateLabel',
        'track',
        'updates',
        'version',
      ].sort(),
    );
    expect(json.body.updates).toEqual([
      { at: expect.any(String), message: 'Canary at 25 %, all metrics green', by: null },
    ]);
    expect(json.headers.get('referrer-policy')).toBe('no-referrer');

    const revoked = await ic.del(url(`/share-links/${link.id}`));
    expect(revoked.status).toBe(200);
    expect((await fetch(`${baseUrl()}${link.url}`)).status).toBe(404);
    expect((await http().get(`/api/status/${link.token}`)).status).toBe(404);
    // Revoking again is harmless and adds no second timeline entry.
    expect((await ic.del(url(`/share-links/${link.id}`))).status).toBe(200);
    expect(await prisma.event.count({ where: { deploymentId: crew.deployment.id, type: 'share_link.revoked' } })).toBe(
      1,
    );
    expect((await http().get('/status/ws_not-a-real-token-000000000000000')).status).toBe(404);
  });

  it('names people only when the IC chose to show names', async () => {
    const { ic, link, url } = await roomWithLink(true);
    await ic.post(url('/status-updates'), { message: 'Starting now' });
    const status = (await http().get(`/api/status/${link.token}`)).body;
    expect(status.updates[0]).toMatchObject({ message: 'Starting now', by: 'Iris IC' });
  });
});

describe('status updates', () => {
  it('are posted by the IC and comms, land in the timeline and refuse everyone else', async () => {
    const { crew, ic, comms, url } = await roomWithLink();
    const posted = await ic.post(url('/status-updates'), { message: '  Canary at 25 %  ' });
    expect(posted.status).toBe(201);
    expect(posted.body.update).toMatchObject({ message: 'Canary at 25 %', by: 'Iris IC', seq: expect.any(Number) });
    const byComms = await comms.post(url('/status-updates'), { message: 'Customers unaffected' });
    expect(byComms.status).toBe(201);
    const events = await prisma.event.findMany({
      where: { deploymentId: crew.deployment.id, type: 'status.posted' },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => [e.actorName, e.roleKey, e.payload])).toEqual([
      ['Iris IC', 'ic', { message: 'Canary at 25 %' }],
      ['Cora Comms', 'comms', { message: 'Customers unaffected' }],
    ]);
    for (const token of [crew.tokens.dba, crew.tokens.qa, crew.tokens.stakeholder, crew.tokens.outsider]) {
      expect((await http({ token }).post(url('/status-updates'), { message: 'nope' })).status).toBe(403);
    }
    expect((await http().post(url('/status-updates'), { message: 'nope' })).status).toBe(401);
    expect((await ic.post(url('/status-updates'), { message: '' })).status).toBe(422);
    expect((await ic.post(url('/status-updates'), { message: 'x'.repeat(501) })).status).toBe(422);
    expect(await prisma.event.count({ where: { deploymentId: crew.deployment.id, type: 'status.posted' } })).toBe(2);
  });

  it('is idempotent with an Idempotency-Key', async () => {
    const { crew, ic, url } = await roomWithLink();
    const first = await ic.post(url('/status-updates'), { message: 'Once' }, { 'idempotency-key': 'k-1' });
    const again = await ic.post(url('/status-updates'), { message: 'Once' }, { 'idempotency-key': 'k-1' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.update.seq).toBe(first.body.update.seq);
    expect(await prisma.event.count({ where: { deploymentId: crew.deployment.id, type: 'status.posted' } })).toBe(1);
  });
});

describe('public watchers', () => {
  it('get the sanitised snapshot live, never raw events, coalesced to at most 2 per second', async () => {
    const { crew, ic, link, url } = await roomWithLink();
    const watcher = track(connectPublic(link.token));
    const updates = watch(watcher);
    const first = await updates.next();
    expect(first.progress.done).toBe(0);
    const raw: unknown[] = [];
    watcher.onAny((name, payload) => name !== 'status:update' && raw.push(payload));

    const startedAt = Date.now();
    // Go-live items only: the rollback track's do not count towards the go-live's progress.
    const items = await prisma.checklistItem.findMany({
      where: { deploymentId: crew.deployment.id, phase: { kind: { not: 'rollback' } } },
      orderBy: { id: 'asc' },
      take: 8,
    });
    await Promise.all(
      items.map((item) => ic.patch(url(`/items/${item.id}`), { status: 'done', version: item.version })),
    );
    const settled = await updates.next((s) => s.progress.done === items.length);
    const elapsed = Date.now() - startedAt;
    // 8 ticks in quick succession: far fewer snapshots than ticks (500 ms apart at most twice a second).
    const afterFirst = updates.seen.length - 1;
    expect(afterFirst).toBeLessThanOrEqual(Math.ceil(elapsed / 500) + 1);
    expect(afterFirst).toBeLessThan(items.length);
    expect(raw).toEqual([]);
    expect(JSON.stringify(settled)).not.toMatch(/Iris|Dana|Quinn|note|command/);
  });

  it('are refused without a valid token or from a foreign origin, and dropped when the link is revoked', async () => {
    const { ic, link, url } = await roomWithLink();
    expect(await refused(track(connectPublic('ws_nope-nope-nope-nope-nope-nope')))).toBe('not_found');
    await expect(refused(track(connectPublic(link.token, { origin: 'https://evil.example' })))).resolves.toBeTruthy();
    // The public namespace takes no cookie: a signed-in session alone is not a way in.
    const watcher = track(connectPublic(link.token));
    await watch(watcher).next();
    const gone = disconnected(watcher);
    expect((await ic.del(url(`/share-links/${link.id}`))).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    expect(await refused(track(connectPublic(link.token)))).toBe('not_found');
  });

  it('are kept apart from the war crew: a share token opens no deployment room', async () => {
    const { crew, link } = await roomWithLink();
    const socket = track(connect({ token: link.token }));
    await expect(connected(socket)).rejects.toThrow(/unauthenticated/);
    expect(crew.deployment.id).toBeTruthy();
  });
});
