import { describe, expect, it } from 'vitest';
import { hashToken } from '@/lib/server/auth/tokens';
import { prisma } from '@/lib/server/db';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { makeRoom } from '../support/authorization-matrix';
import { baseUrl, http, signIn } from '../support/http';
import { connectPublic, refused } from '../support/public-socket';
import { collect, connect, connected, subscribe, type TestSocket } from '../support/socket';
import { suitePeople } from '../support/suite-people';

/** Sockets are held to the same rules as requests: origin, credentials that end, roles taken away. */
const { ctx, track, as } = suitePeople();

describe('sockets', () => {
  it('refuse a foreign Origin on the war-room and the public namespace', async () => {
    await expect(
      connected(track(connect({ token: ctx.people.tokens.ic!, origin: 'https://evil.example' }))),
    ).rejects.toThrow();
    const crew = await makeRoom(ctx.people);
    const link = (await as('ic').post(crew.url('/share-links'), {})).body;
    await expect(refused(track(connectPublic(link.token, { origin: 'https://evil.example' })))).resolves.toBeTruthy();
    await expect(
      connected(track(connect({ token: ctx.people.tokens.ic!, origin: baseUrl() }))),
    ).resolves.toBeUndefined();
  });

  it('are disconnected within seconds of signing out or of the token being revoked', async () => {
    const user = await makeUser({ name: 'Leaving Soon' });
    const cookie = await signIn(user.email, user.password);
    const bySession = track(connect({ cookie, origin: baseUrl() }));
    await connected(bySession);
    const token = await makeToken(user.id);
    const byToken = track(connect({ token }));
    await connected(byToken);
    const gone = (s: TestSocket) => new Promise<number>((resolve) => s.once('disconnect', () => resolve(Date.now())));
    const [sessionGone, tokenGone] = [gone(bySession), gone(byToken)];
    const t0 = Date.now();
    const out = await fetch(`${baseUrl()}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie, origin: baseUrl(), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(
      (
        await http({ cookie: await signIn(user.email, user.password) }).del(`/api/tokens/${row.id}`, {
          origin: baseUrl(),
        })
      ).status,
    ).toBe(200);
    expect((await sessionGone) - t0).toBeLessThan(12_000);
    expect((await tokenGone) - t0).toBeLessThan(12_000);
  });

  it('re-check many tokens together and drop only the socket whose token was revoked', async () => {
    const [keeps, loses] = [await makeUser({ name: 'Keeps Token' }), await makeUser({ name: 'Loses Token' })];
    const [kept, revoked] = [await makeToken(keeps.id), await makeToken(loses.id)];
    const stays = track(connect({ token: kept }));
    const goes = track(connect({ token: revoked }));
    await Promise.all([connected(stays), connected(goes)]);
    const dropped = new Promise<string>((resolve) => goes.once('disconnect', (reason) => resolve(reason)));
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(revoked) } });
    const owner = http({ cookie: await signIn(loses.email, loses.password) });
    expect((await owner.del(`/api/tokens/${row.id}`, { origin: baseUrl() })).status).toBe(200);
    expect(await dropped).toBe('io server disconnect');
    // The same round of re-checks kept the other token's socket.
    expect(stays.connected).toBe(true);
  });

  it('refuse a deployment id that is not an id, without spoiling the subscriptions asked for beside it', async () => {
    const crew = await makeRoom(ctx.people);
    const outsider = track(connect({ token: ctx.people.tokens.outsider! }));
    const dba = track(connect({ token: ctx.people.tokens.dba! }));
    await Promise.all([connected(outsider), connected(dba)]);
    // Sent together, so that a crowd's subscriptions read in one statement would include them.
    const [spilled, nul, legit] = await Promise.all([
      subscribe(outsider, `${crew.id}\n${ctx.people.users.ic.id}`, 0),
      subscribe(outsider, `${crew.id}\u0000`, 0),
      subscribe(dba, crew.id, 0),
    ]);
    expect(spilled).toMatchObject({ ok: false, error: { code: 'invalid_body' } });
    expect(nul).toMatchObject({ ok: false, error: { code: 'invalid_body' } });
    expect(legit.ok).toBe(true);
  });

  it('stop delivering a deployment to someone whose role was taken away', async () => {
    const crew = await makeRoom(ctx.people);
    const watcher = track(connect({ token: ctx.people.tokens.dba! }));
    await connected(watcher);
    expect((await subscribe(watcher, crew.id, 0)).ok).toBe(true);
    const seen = collect(watcher);
    const participant = await prisma.participant.findFirstOrThrow({
      where: { deploymentId: crew.id, userId: ctx.people.users.dba.id },
    });
    expect((await as('ic').del(crew.url(`/participants/${participant.id}`))).status).toBe(200);
    const ic = track(connect({ token: ctx.people.tokens.ic! }));
    await connected(ic);
    await subscribe(ic, crew.id, 0);
    const icSeen = collect(ic);
    await as('ic').post(crew.url('/status-updates'), { message: 'after removal' });
    await icSeen.until(1);
    // A round trip on the watcher's own connection, asked after the room heard the update: one
    // connection keeps its order, so anything sent to the watcher arrives before this answer.
    expect(await subscribe(watcher, crew.id, 0)).toMatchObject({ ok: false });
    expect(seen.events.filter((e) => e.type === 'status.posted')).toEqual([]);
  });
});
