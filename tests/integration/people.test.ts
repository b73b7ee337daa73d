import { inject, describe, expect, it } from 'vitest';
import { makeUser } from '@/lib/server/seed/factories';
import { eventCount, makeCrew } from '../support/crew';
import { baseUrl, http, signIn } from '../support/http';

const admin = () => http({ token: inject('adminToken') });

describe('participants', () => {
  it('lets the IC assign a person to a role and remove them, each with one event', async () => {
    const crew = await makeCrew();
    const newcomer = await makeUser({ name: 'Nina New' });
    const api = http({ token: crew.tokens.ic });
    const before = await eventCount(crew.deployment.id);
    const added = await api.post(`/api/deployments/${crew.deployment.id}/participants`, {
      email: newcomer.email,
      roleKey: 'dba',
    });
    expect(added.status).toBe(201);
    expect(added.body.participant).toMatchObject({ id: expect.any(String), userId: newcomer.id, roleKey: 'dba' });
    const state = await api.get(`/api/deployments/${crew.deployment.id}`);
    expect(
      state.body.roles.find((r: { key: string }) => r.key === 'dba').holders.map((h: { name: string }) => h.name),
    ).toContain('Nina New');
    const removed = await api.del(`/api/deployments/${crew.deployment.id}/participants/${added.body.participant.id}`);
    expect(removed.status).toBe(200);
    expect(await eventCount(crew.deployment.id)).toBe(before + 2);
  });

  it('lets one person hold several roles', async () => {
    const crew = await makeCrew();
    const state = await http({ token: crew.tokens.qa }).get(`/api/deployments/${crew.deployment.id}`);
    expect(state.body.me.roles.map((r: { key: string }) => r.key).sort()).toEqual(['devops', 'qa']);
    const devopsItem = crew.itemOf('devops');
    const res = await http({ token: crew.tokens.qa }).patch(
      `/api/deployments/${crew.deployment.id}/items/${devopsItem.id}`,
      { status: 'done', version: 1 },
    );
    expect(res.status).toBe(200);
  });

  it('refuses non-ICs (403), unknown people (404), duplicates (409) and bad bodies (422)', async () => {
    const crew = await makeCrew();
    const path = `/api/deployments/${crew.deployment.id}/participants`;
    const before = await eventCount(crew.deployment.id);
    expect(
      (await http({ token: crew.tokens.dba }).post(path, { email: crew.people.outsider.email, roleKey: 'dba' })).status,
    ).toBe(403);
    expect(
      (await http({ token: crew.tokens.ic }).post(path, { email: 'ghost@example.test', roleKey: 'dba' })).status,
    ).toBe(404);
    expect(
      (await http({ token: crew.tokens.ic }).post(path, { email: crew.people.outsider.email, roleKey: 'no-such-role' }))
        .status,
    ).toBe(404);
    const duplicate = await http({ token: crew.tokens.ic }).post(path, {
      email: crew.people.dba.email,
      roleKey: 'dba',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('already_exists');
    expect((await http({ token: crew.tokens.ic }).post(path, { email: 'not-an-email', roleKey: 'dba' })).status).toBe(
      422,
    );
    expect(await eventCount(crew.deployment.id)).toBe(before);
  });

  it('lets an admin (not the IC of this deployment) manage participants too', async () => {
    const crew = await makeCrew();
    const res = await admin().post(`/api/deployments/${crew.deployment.id}/participants`, {
      email: crew.people.outsider.email,
      roleKey: 'qa',
    });
    expect(res.status).toBe(201);
  });
});

describe('accounts and tokens', () => {
  it('POST /api/users is for admins only', async () => {
    const crew = await makeCrew();
    const email = `made-${Date.now()}@example.test`;
    const created = await admin().post('/api/users', { email, name: 'Made By Admin', password: 'long-enough-pw' });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ email, name: 'Made By Admin' });
    expect((await admin().post('/api/users', { email, name: 'Again', password: 'long-enough-pw' })).status).toBe(409);
    expect(
      (await admin().post('/api/users', { email: 'x@example.test', name: 'Short', password: 'short' })).status,
    ).toBe(422);
    expect(
      (
        await http({ token: crew.tokens.ic }).post('/api/users', {
          email: 'y@example.test',
          name: 'Y',
          password: 'long-enough-pw',
        })
      ).status,
    ).toBe(403);
    // The new account can sign in with its password.
    expect(await signIn(email, 'long-enough-pw')).toContain('better-auth');
  });

  it('signs in with a password, creates a token that works, and a revoked token stops working', async () => {
    const user = await makeUser({ name: 'Tok Owner' });
    const cookie = await signIn(user.email, user.password);
    const browser = http({ cookie });
    expect((await browser.get('/api/me')).body.user).toMatchObject({ email: user.email, name: 'Tok Owner' });
    const created = await browser.post('/api/tokens', { name: 'pipeline', scopes: ['read'] }, { origin: baseUrl() });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect((await http({ token }).get('/api/me')).status).toBe(200);
    const listed = await browser.get('/api/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(token);
    // The list says when each token was last used, so a forgotten one can be found and revoked.
    const listedToken = (listed.body.tokens as { id: string; lastUsedAt: string | null }[]).find(
      (t) => t.id === created.body.apiToken.id,
    );
    expect(Date.parse(listedToken!.lastUsedAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect((await browser.del(`/api/tokens/${created.body.apiToken.id}`, { origin: baseUrl() })).status).toBe(200);
    const revoked = await http({ token }).get('/api/me');
    expect(revoked.status).toBe(401);
  });

  it('a read-only token cannot write', async () => {
    const crew = await makeCrew();
    const cookie = await signIn(crew.people.dba.email, crew.people.dba.password);
    const created = await http({ cookie }).post('/api/tokens', { name: 'ro', scopes: ['read'] }, { origin: baseUrl() });
    const res = await http({ token: created.body.token }).patch(
      `/api/deployments/${crew.deployment.id}/items/${crew.itemOf('dba').id}`,
      { status: 'done', version: 1 },
    );
    expect(res.status).toBe(403);
  });

  it('refuses a cookie-authenticated write from another site', async () => {
    const crew = await makeCrew();
    const cookie = await signIn(crew.people.dba.email, crew.people.dba.password);
    const before = await eventCount(crew.deployment.id);
    const res = await http({ cookie }).patch(
      `/api/deployments/${crew.deployment.id}/items/${crew.itemOf('dba').id}`,
      { status: 'done', version: 1 },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(res.status).toBe(403);
    expect(await eventCount(crew.deployment.id)).toBe(before);
  });

  it('refuses oversized bodies with 413', async () => {
    const crew = await makeCrew();
    const res = await http({ token: crew.tokens.dba }).patch(
      `/api/deployments/${crew.deployment.id}/items/${crew.itemOf('dba').id}`,
      {
        status: 'blocked',
        version: 1,
        note: 'x'.repeat(200_000),
      },
    );
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});
