import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { DEMO_PASSWORD } from '@/lib/server/seed/demo-template';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { baseUrl, http, signIn } from '../support/http';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { connect, connected } from '../support/socket';

const admin = () => http({ token: inject('adminToken') });
const signUp = (url: string, email: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, ...headers },
    body: JSON.stringify({ email, password: 'a-long-password', name: 'Self Made' }),
  });
const unique = (domain = 'example.test') => `self-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@${domain}`;

describe('self sign-up', () => {
  it('is closed by default: 403 sign_up_closed and no account made', async () => {
    const email = unique();
    const before = await prisma.user.count();
    const res = await signUp(baseUrl(), email);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('sign_up_closed');
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await prisma.user.findUnique({ where: { email } })).toBeNull();
    expect(await prisma.user.count()).toBe(before);
  });
});

describe('with ALLOW_SIGN_UP and ALLOWED_EMAIL_DOMAINS (a fresh server and database)', () => {
  let own: OwnServer;
  let db: pg.Client;
  beforeAll(async () => {
    own = await startOwnServer(
      { ALLOW_SIGN_UP: 'true', ALLOWED_EMAIL_DOMAINS: 'allowed.test' },
      { freshDatabase: true },
    );
    db = new pg.Client({ connectionString: own.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await own?.stop();
  });
  const userRows = async (email: string) =>
    (await db.query('SELECT "email", "isAdmin" FROM "user" WHERE "email" = $1', [email])).rows;

  it('lets people at an allowed domain sign up, and signs them in', async () => {
    const email = unique('allowed.test');
    const res = await signUp(own.baseUrl, email);
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join(';')).toContain('better-auth.session_token');
    expect(await userRows(email)).toEqual([{ email, isAdmin: false }]);
    // The account history says they made it themselves.
    const history = await db.query('SELECT "type", "actorName", "payload" FROM "AccountEvent" WHERE "subject" = $1', [
      email,
    ]);
    expect(history.rows).toEqual([
      { type: 'account.created', actorName: 'Self Made', payload: { isAdmin: false, via: 'sign-up' } },
    ]);
  });

  it('refuses every other domain with 403 email_domain_not_allowed and makes nothing', async () => {
    for (const email of [unique('elsewhere.test'), unique('allowed.test.evil'), unique('not-allowed.test')]) {
      const res = await signUp(own.baseUrl, email);
      expect({ email, status: res.status }).toEqual({ email, status: 403 });
      expect((await res.json()).error.code).toBe('email_domain_not_allowed');
      expect(await userRows(email)).toEqual([]);
    }
  });

  it('lets WARROOM_ADMIN_TOKEN make the first admin (bootstrap), and no admin after that', async () => {
    const make = (email: string, isAdmin: boolean) =>
      own.request('POST', '/api/users', own.adminToken, { email, name: 'Boot', password: 'long-enough-pw', isAdmin });
    const first = unique();
    expect((await make(first, true)).status).toBe(201);
    expect(await userRows(first)).toEqual([{ email: first, isAdmin: true }]);
    const second = unique();
    const refused = await make(second, true);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('admin_needs_browser');
    expect(await userRows(second)).toEqual([]);
    // Ordinary accounts it may still make.
    expect((await make(second, false)).status).toBe(201);
  });
});

describe('admin rights', () => {
  const newUser = (isAdmin: boolean) => ({
    email: unique(),
    name: 'Would Be Admin',
    password: 'long-enough-pw',
    isAdmin,
  });

  it('are never granted with an API token, not even an admin’s own', async () => {
    const boss = await makeUser({ isAdmin: true });
    for (const token of [await makeToken(boss.id), inject('adminToken')]) {
      const body = newUser(true);
      const res = await http({ token }).post('/api/users', body);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('admin_needs_browser');
      expect(await prisma.user.findUnique({ where: { email: body.email } })).toBeNull();
    }
    // The same token may still make an ordinary account.
    expect((await admin().post('/api/users', newUser(false))).status).toBe(201);
  });

  it('are granted by an admin signed in with a browser', async () => {
    const boss = await makeUser({ isAdmin: true });
    const cookie = await signIn(boss.email, boss.password);
    const body = newUser(true);
    const res = await http({ cookie }).post('/api/users', body, { origin: baseUrl() });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: body.email, isAdmin: true });
    // A signed-in person who is not an admin makes no account at all.
    const someone = await makeUser();
    const plain = await http({ cookie: await signIn(someone.email, someone.password) }).post(
      '/api/users',
      newUser(false),
      { origin: baseUrl() },
    );
    expect(plain.status).toBe(403);
  });
});

describe('demo safety (a server behind a trusted proxy, on the embedded-style database URL)', () => {
  let own: OwnServer;
  beforeAll(async () => {
    // TRUST_PROXY: the proxy's X-Forwarded-For names the client, as it would in front of a real install.
    // (The embedded database's own URL carries sslmode=disable already.)
    const embeddedStyle = new URL(inject('databaseUrl'));
    embeddedStyle.searchParams.set('sslmode', 'disable');
    own = await startOwnServer({ TRUST_PROXY: 'true', DATABASE_URL: embeddedStyle.toString() });
  });
  afterAll(async () => own?.stop());
  const signInAt = (url: string, email: string, password: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url, ...headers },
      body: JSON.stringify({ email, password }),
    });
  const remote = { 'x-forwarded-for': '203.0.113.7' };

  it('refuses the published demo password beyond loopback, with a clear reason and no session', async () => {
    const demo = await makeUser({ password: DEMO_PASSWORD });
    for (const forwarded of ['203.0.113.7', '127.0.0.1, 203.0.113.7']) {
      const res = await signInAt(own.baseUrl, demo.email, DEMO_PASSWORD, { 'x-forwarded-for': forwarded });
      expect({ forwarded, status: res.status }).toEqual({ forwarded, status: 403 });
      const body = await res.json();
      expect(body.error.code).toBe('demo_account_remote');
      expect(body.error.message).toMatch(/set real passwords/);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    // From the machine itself it works; so does a real password from anywhere.
    expect((await signInAt(own.baseUrl, demo.email, DEMO_PASSWORD)).status).toBe(200);
    const real = await makeUser();
    expect((await signInAt(own.baseUrl, real.email, real.password, remote)).status).toBe(200);
  });

  it('does not let a client pick its own address when no proxy is trusted', async () => {
    // The main server (no TRUST_PROXY) overwrites X-Forwarded-For with the socket's address: this
    // loopback client stays loopback whatever it claims, and a remote one could not claim loopback.
    const demo = await makeUser({ password: DEMO_PASSWORD });
    expect((await signInAt(baseUrl(), demo.email, DEMO_PASSWORD, remote)).status).toBe(200);
  });

  it('shows the demo password on the sign-in page only to the machine itself', async () => {
    const local = await (await fetch(`${own.baseUrl}/sign-in`)).text();
    expect(local).toContain(DEMO_PASSWORD);
    for (const forwarded of ['203.0.113.7', '127.0.0.1, 203.0.113.7']) {
      const page = await fetch(`${own.baseUrl}/sign-in`, { headers: { 'x-forwarded-for': forwarded } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Sign in');
      expect(html).not.toContain(DEMO_PASSWORD);
    }
  });
});

describe('invitations', () => {
  const invite = (
    body: Record<string, unknown>,
    auth: Parameters<typeof http>[0] = { token: inject('adminToken') },
    headers: Record<string, string> = {},
  ) => http(auth).post('/api/invitations', body, headers);
  const accept = (token: string, name = 'Ivy Invited', password = 'a-long-password') =>
    fetch(`${baseUrl()}/api/invitations/${token}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl() },
      body: JSON.stringify({ name, password }),
    });

  it('makes a single-use link that signs the invited person in', async () => {
    const email = unique();
    const created = await invite({ email });
    expect(created.status).toBe(201);
    expect(created.body.path).toBe(`/invite/${created.body.token}`);
    expect(created.body.invitation).toMatchObject({ email, isAdmin: false, status: 'pending' });
    const days = (Date.parse(created.body.invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    // Only the hash is stored.
    expect(JSON.stringify(await prisma.invitation.findMany({ where: { email } }))).not.toContain(created.body.token);

    const res = await accept(created.body.token);
    expect(res.status).toBe(201);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect((await http({ cookie }).get('/api/me')).body.user).toMatchObject({ email, name: 'Ivy Invited' });

    const again = await accept(created.body.token, 'Someone Else');
    expect(again.status).toBe(410);
    expect((await again.json()).error.code).toBe('invitation_used');
    expect(await prisma.user.count({ where: { email } })).toBe(1);
    const page = await (await fetch(`${baseUrl()}/invite/${created.body.token}`)).text();
    expect(page).toContain('already been used');
  });

  it('refuses expired and revoked links, creating nothing, and the page says which', async () => {
    const expired = await invite({ email: unique() });
    await prisma.invitation.update({
      where: { id: expired.body.invitation.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const revoked = await invite({ email: unique() });
    expect((await admin().del(`/api/invitations/${revoked.body.invitation.id}`)).body.invitation.status).toBe(
      'revoked',
    );
    for (const [created, code, words] of [
      [expired, 'invitation_expired', 'has expired'],
      [revoked, 'invitation_revoked', 'withdrawn'],
    ] as const) {
      const before = await prisma.user.count();
      const res = await accept(created.body.token);
      expect(res.status).toBe(410);
      expect((await res.json()).error.code).toBe(code);
      expect(await prisma.user.count()).toBe(before);
      expect(await (await fetch(`${baseUrl()}/invite/${created.body.token}`)).text()).toContain(words);
    }
    const listed = (await admin().get('/api/invitations')).body.invitations as { id: string; status: string }[];
    expect(listed.find((i) => i.id === revoked.body.invitation.id)?.status).toBe('revoked');
  });

  it('makes one account when the link is used twice at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const email = unique();
      const created = await invite({ email });
      const statuses = (await Promise.all([accept(created.body.token, 'First'), accept(created.body.token, 'Second')]))
        .map((r) => r.status)
        .sort();
      expect(statuses).toEqual([201, 410]);
      expect(await prisma.user.count({ where: { email } })).toBe(1);
    }
  });

  it('carries the admin flag only when a signed-in admin sets it', async () => {
    const boss = await makeUser({ isAdmin: true });
    const byToken = await invite({ email: unique(), isAdmin: true }, { token: await makeToken(boss.id) });
    expect(byToken.status).toBe(403);
    expect(byToken.body.error.code).toBe('admin_needs_browser');
    const cookie = await signIn(boss.email, boss.password);
    const email = unique();
    const created = await invite({ email, isAdmin: true }, { cookie }, { origin: baseUrl() });
    expect(created.status).toBe(201);
    expect((await accept(created.body.token)).status).toBe(201);
    expect(await prisma.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ isAdmin: true });
  });
});

describe('deactivating an account', () => {
  it('ends its sessions, tokens and sockets at once, and it cannot sign in again', async () => {
    const person = await makeUser({ name: 'Leaving Now' });
    const cookie = await signIn(person.email, person.password);
    const token = await makeToken(person.id);
    const socket = connect({ token });
    await connected(socket);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

    const res = await admin().patch(`/api/users/${person.id}`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: person.id, active: false });
    expect(await dropped).toBe('io server disconnect');
    expect((await http({ cookie }).get('/api/me')).status).toBe(401);
    expect((await http({ token }).get('/api/me')).status).toBe(401);
    const again = await fetch(`${baseUrl()}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl() },
      body: JSON.stringify({ email: person.email, password: person.password }),
    });
    expect(again.status).toBe(403);
    expect((await again.json()).error.code).toBe('account_deactivated');
    const found = await admin().get(`/api/users?q=${encodeURIComponent(person.email)}`);
    const listed = found.body.users as { id: string; active: boolean }[];
    expect(listed.find((u) => u.id === person.id)?.active).toBe(false);
    // Reactivated, it signs in again.
    expect((await admin().patch(`/api/users/${person.id}`, { active: true })).status).toBe(200);
    expect(await signIn(person.email, person.password)).toContain('better-auth');
  });

  it('an admin’s account is changed only by a signed-in admin, never one’s own', async () => {
    const boss = await makeUser({ isAdmin: true });
    const other = await makeUser({ isAdmin: true });
    const refused = await admin().patch(`/api/users/${other.id}`, { active: false });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('admin_needs_browser');
    const cookie = await signIn(boss.email, boss.password);
    expect(
      (await http({ cookie }).patch(`/api/users/${boss.id}`, { active: false }, { origin: baseUrl() })).body.error.code,
    ).toBe('cannot_deactivate_self');
    expect(
      (await http({ cookie }).patch(`/api/users/${other.id}`, { active: false }, { origin: baseUrl() })).status,
    ).toBe(200);
  });
});
