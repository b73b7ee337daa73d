import { afterEach, describe, expect, it } from 'vitest';
import { hashToken } from '@/lib/server/auth/tokens';
import { prisma } from '@/lib/server/db';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { makeCrew } from '../support/crew';
import { http } from '../support/http';
import { startOwnServer } from '../support/own-server';
import { collect, connect, connected, subscribe, type TestSocket } from '../support/socket';

const open: TestSocket[] = [];
afterEach(() => {
  for (const socket of open.splice(0)) socket.disconnect();
});
const track = (socket: TestSocket) => (open.push(socket), socket);

describe('socket.io deployment subscription', () => {
  it('delivers the missed events, then live ones, with no gap and no duplicate', async () => {
    const crew = await makeCrew();
    const api = http({ token: crew.tokens.ic });
    const items = crew.items.slice(0, 6);
    // Three changes happen while the client is away...
    for (const item of items.slice(0, 3))
      await api.patch(`/api/deployments/${crew.deployment.id}/items/${item.id}`, { status: 'done', version: 1 });

    const socket = track(connect({ token: crew.tokens.dba }));
    await connected(socket);
    const live = collect(socket);
    const ack = await subscribe(socket, crew.deployment.id, 1);
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.events.map((e) => e.seq)).toEqual([2, 3, 4]);
    expect(ack.events[0]).toMatchObject({ type: 'item.updated', actor: 'Iris IC', role: 'ic' });

    // ...and three more while it watches.
    for (const item of items.slice(3))
      await api.patch(`/api/deployments/${crew.deployment.id}/items/${item.id}`, { status: 'done', version: 1 });
    await live.until(3);
    const seen = [...ack.events, ...live.events].map((e) => e.seq);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('refuses to subscribe a person to a deployment they may not see', async () => {
    const crew = await makeCrew();
    const socket = track(connect({ token: crew.tokens.outsider }));
    await connected(socket);
    const live = collect(socket);
    const ack = await subscribe(socket, crew.deployment.id, 0);
    expect(ack).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    await http({ token: crew.tokens.ic }).patch(
      `/api/deployments/${crew.deployment.id}/items/${crew.itemOf('qa').id}`,
      { status: 'done', version: 1 },
    );
    // A watcher in the room sees the tick; the refused socket must not.
    const watcher = track(connect({ token: crew.tokens.ic }));
    await connected(watcher);
    const ok = await subscribe(watcher, crew.deployment.id, 1);
    expect(ok.ok && ok.events.map((e) => e.type)).toEqual(['item.updated']);
    expect(live.events).toHaveLength(0);
  });

  it('refuses connections without credentials or from a foreign origin', async () => {
    const anonymous = track(connect());
    await expect(connected(anonymous)).rejects.toThrow(/unauthenticated/);
    const crew = await makeCrew();
    const foreign = track(connect({ token: crew.tokens.ic, origin: 'https://evil.example' }));
    await expect(connected(foreign)).rejects.toThrow();
  });

  it('counts a socket opened with a token as a use of it, and refuses an unknown token', async () => {
    const user = await makeUser({ name: 'Socket User' });
    const token = await makeToken(user.id);
    await connected(track(connect({ token })));
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(row.lastUsedAt?.getTime()).toBeGreaterThan(Date.now() - 60_000);
    await expect(connected(track(connect({ token: `${token}x` })))).rejects.toThrow('unauthenticated');
  });

  it('answers an invalid subscribe with a clear error', async () => {
    const crew = await makeCrew();
    const socket = track(connect({ token: crew.tokens.ic }));
    await connected(socket);
    const ack = await new Promise((resolve) =>
      socket.emit('deployment:subscribe', { deploymentId: 42 } as never, resolve),
    );
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_body' } });
  });

  it('lets watchers reconnect by themselves when the server stops for a restart', async () => {
    const own = await startOwnServer({});
    const crew = await makeCrew();
    const socket = track(connect({ token: crew.tokens.ic, baseUrl: own.baseUrl }));
    await connected(socket);
    expect((await subscribe(socket, crew.deployment.id, 0)).ok).toBe(true);
    const reason = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await own.stop();
    // "transport close" is reconnected by socket.io-client; "io server disconnect" never is.
    expect(await reason).toBe('transport close');
  });
});
