import { describe, expect, inject, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { baseUrl, http, signIn } from '../support/http';

const unique = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@history.test`;
const accept = (token: string, name: string) =>
  fetch(`${baseUrl()}/api/invitations/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl() },
    body: JSON.stringify({ name, password: 'a-long-password' }),
  });

type Line = { id: string; type: string; actorId: string | null; actorName: string; subject: string; payload: object };

describe('the account history', () => {
  it('records who invited, withdrew, accepted, deactivated, reactivated and made whom, newest first', async () => {
    const boss = await makeUser({ isAdmin: true, name: 'Bea Boss' });
    const cookie = await signIn(boss.email, boss.password);
    const asBoss = http({ cookie });
    const ada = unique('ada');
    const bob = unique('bob');
    const cyd = unique('cyd');

    const invitedAda = await asBoss.post('/api/invitations', { email: ada });
    const invitedBob = await asBoss.post('/api/invitations', { email: bob, isAdmin: true });
    expect((await asBoss.del(`/api/invitations/${invitedBob.body.invitation.id}`)).status).toBe(200);
    const accepted = await accept(invitedAda.body.token, 'Ada Accepted');
    expect(accepted.status).toBe(201);
    const adaId = (await accepted.json()).user.id;
    expect((await asBoss.patch(`/api/users/${adaId}`, { active: false })).status).toBe(200);
    // Asked twice: the second changes nothing and records nothing.
    expect((await asBoss.patch(`/api/users/${adaId}`, { active: false })).status).toBe(200);
    expect((await asBoss.patch(`/api/users/${adaId}`, { active: true })).status).toBe(200);
    const admin = http({ token: inject('adminToken') });
    expect((await admin.post('/api/users', { email: cyd, name: 'Cyd Made', password: 'a-long-password' })).status).toBe(
      201,
    );

    const listed = await asBoss.get('/api/account-events?limit=200');
    expect(listed.status).toBe(200);
    const mine = (listed.body.events as Line[])
      .filter((line) => [ada, bob, cyd].includes(line.subject))
      .map(({ type, actorId, actorName, subject, payload }) => ({ type, actorId, actorName, subject, payload }));
    expect(mine).toEqual([
      {
        type: 'account.created',
        actorId: null,
        actorName: 'Admin token',
        subject: cyd,
        payload: { isAdmin: false, via: 'admin' },
      },
      { type: 'account.reactivated', actorId: boss.id, actorName: 'Bea Boss', subject: ada, payload: {} },
      { type: 'account.deactivated', actorId: boss.id, actorName: 'Bea Boss', subject: ada, payload: {} },
      {
        type: 'invitation.accepted',
        actorId: adaId,
        actorName: 'Ada Accepted',
        subject: ada,
        payload: { isAdmin: false },
      },
      { type: 'invitation.revoked', actorId: boss.id, actorName: 'Bea Boss', subject: bob, payload: { isAdmin: true } },
      { type: 'invitation.created', actorId: boss.id, actorName: 'Bea Boss', subject: bob, payload: { isAdmin: true } },
      {
        type: 'invitation.created',
        actorId: boss.id,
        actorName: 'Bea Boss',
        subject: ada,
        payload: { isAdmin: false },
      },
    ]);

    // One person's lines: what they did and what was done to them, their invitation included.
    const hers = await asBoss.get(`/api/account-events?person=${adaId}`);
    expect((hers.body.events as Line[]).map((line) => line.type)).toEqual([
      'account.reactivated',
      'account.deactivated',
      'invitation.accepted',
      'invitation.created',
    ]);
    expect((await asBoss.get('/api/account-events?person=no-such-person')).status).toBe(404);
    const bad = await asBoss.get('/api/account-events?person=%27%3B--');
    expect({ status: bad.status, code: bad.body.error.code }).toEqual({ status: 400, code: 'invalid_query' });
  });

  it('records the API tokens a person makes and revokes, with name, prefix and scopes, never the token', async () => {
    const person = await makeUser({ name: 'Tess Token' });
    const asTess = http({ cookie: await signIn(person.email, person.password) });
    const created = await asTess.post('/api/tokens', { name: 'deploy pipeline', scopes: ['read', 'write'] });
    expect(created.status).toBe(201);
    const { token, apiToken } = created.body;
    expect((await asTess.del(`/api/tokens/${apiToken.id}`)).status).toBe(200);
    // A second revoke finds nothing to revoke, and records nothing.
    expect((await asTess.del(`/api/tokens/${apiToken.id}`)).status).toBe(404);

    const lines = await prisma.accountEvent.findMany({ where: { subject: person.email }, orderBy: { id: 'asc' } });
    expect(lines.map(({ type, actorId, actorName, payload }) => ({ type, actorId, actorName, payload }))).toEqual([
      {
        type: 'token.created',
        actorId: person.id,
        actorName: 'Tess Token',
        payload: {
          tokenName: 'deploy pipeline',
          prefix: apiToken.prefix,
          scopes: ['read', 'write'],
          deploymentId: null,
        },
      },
      {
        type: 'token.revoked',
        actorId: person.id,
        actorName: 'Tess Token',
        payload: { tokenName: 'deploy pipeline', prefix: apiToken.prefix },
      },
    ]);
    expect(JSON.stringify(lines, (_key, value) => (typeof value === 'bigint' ? String(value) : value))).not.toContain(
      token,
    );
  });

  it('pages back with `before`, and refuses a bad page with 400 invalid_query', async () => {
    const admin = http({ token: inject('adminToken') });
    for (const name of ['p1', 'p2', 'p3']) await admin.post('/api/invitations', { email: unique(name) });
    const first = await admin.get('/api/account-events?limit=2');
    expect(first.body.events).toHaveLength(2);
    expect(first.body.nextBefore).toBe(first.body.events[1].id);
    const second = await admin.get(`/api/account-events?limit=2&before=${first.body.nextBefore}`);
    expect(second.body.events).toHaveLength(2);
    expect(BigInt(second.body.events[0].id)).toBeLessThan(BigInt(first.body.events[1].id));
    for (const query of [
      'before=abc',
      'before=-1',
      'limit=0',
      'limit=201',
      'limit=1.5',
      'before=9223372036854775808',
    ]) {
      const res = await admin.get(`/api/account-events?${query}`);
      expect({ query, status: res.status, code: res.body.error?.code }).toEqual({
        query,
        status: 400,
        code: 'invalid_query',
      });
    }
  });

  it('exports as CSV for an auditor, oldest first, with formulas kept as text', async () => {
    const admin = http({ token: inject('adminToken') });
    // A name a spreadsheet would run as a formula, made an account by an admin.
    const email = unique('formula');
    await admin.post('/api/users', { email, name: '=HYPERLINK("http://evil.test","x")', password: 'a-long-password' });
    const person = await prisma.user.findUniqueOrThrow({ where: { email } });
    const asPerson = http({ cookie: await signIn(email, 'a-long-password') });
    expect((await asPerson.post('/api/tokens', { name: 'ci', scopes: ['read'] })).status).toBe(201);

    const res = await fetch(`${baseUrl()}/api/account-events.csv?person=${person.id}`, {
      headers: { authorization: `Bearer ${inject('adminToken')}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="account-history-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, created, token, ...rest] = (await res.text()).split('\r\n');
    expect(header).toBe('at,actor,actor_id,action,type,subject,subject_id,details,hash');
    expect(created).toMatch(/^[^,]+,Admin token,,created the account,account\.created,/);
    // Quoted (it holds a comma and quotes) and defused (an apostrophe before the "=").
    expect(token).toContain(
      `,"'=HYPERLINK(""http://evil.test"",""x"")",${person.id},created API token “ci” (read),token.created,${email},`,
    );
    expect(rest).toEqual(['']);
    // Each line ends with its link in the history's chain, as stored: the auditor's own copy.
    const stored = await prisma.accountEvent.findMany({ where: { subjectId: person.id }, orderBy: { id: 'asc' } });
    expect([created, token].map((line) => line.split(',').at(-1))).toEqual(stored.map((row) => row.hash));
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.hash))).toBe(true);

    const refused = await http({ token: await makeToken((await makeUser()).id) }).get('/api/account-events.csv');
    expect(refused.status).toBe(403);
  });

  it('is for admins only', async () => {
    const person = await makeUser();
    const res = await http({ token: await makeToken(person.id) }).get('/api/account-events');
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toContain('history.test');
    expect((await http().get('/api/account-events')).status).toBe(401);
  });

  it('cannot be rewritten or erased, by the application or the database owner', async () => {
    await http({ token: inject('adminToken') }).post('/api/invitations', { email: unique('kept') });
    const newest = await prisma.accountEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await expect(
      prisma.accountEvent.update({ where: { id: newest.id }, data: { actorName: 'Someone else' } }),
    ).rejects.toThrow(/append-only/);
    await expect(prisma.accountEvent.delete({ where: { id: newest.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AccountEvent"')).rejects.toThrow(/append-only/);
    expect(await prisma.accountEvent.findUniqueOrThrow({ where: { id: newest.id } })).toEqual(newest);
  });
});
