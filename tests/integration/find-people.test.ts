import { describe, expect, inject, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { http } from '../support/http';

const admin = () => http({ token: inject('adminToken') });

/** The Users page's search: an admin finds any account, however many single sign-on has made. */
describe('finding people', () => {
  it('finds anyone by name or email however many accounts there are, and says how many it does not show', async () => {
    // Named to sort after everyone else: with thousands of accounts, the last by name.
    const tag = Math.random().toString(36).slice(2, 10);
    const zoe = await makeUser({ name: `Zz Zoe ${tag}` });
    await makeUser({ name: `Zz Zack ${tag}` });
    const everyone = await admin().get('/api/users');
    expect(everyone.status).toBe(200);
    expect(everyone.body.matching).toBe(await prisma.user.count());
    expect(everyone.body.users.length).toBe(Math.min(everyone.body.matching, 200));

    const byName = await admin().get(`/api/users?q=${encodeURIComponent(`ZOE ${tag}`)}`);
    expect(byName.body).toMatchObject({ matching: 1, users: [{ id: zoe.id, name: `Zz Zoe ${tag}`, active: true }] });
    const byEmail = await admin().get(`/api/users?q=${encodeURIComponent(zoe.email.toUpperCase())}`);
    expect(byEmail.body.users.map((u: { id: string }) => u.id)).toEqual([zoe.id]);
    // Both, by name.
    const both = await admin().get(`/api/users?q=${tag}`);
    expect(both.body.users.map((u: { name: string }) => u.name)).toEqual([`Zz Zack ${tag}`, `Zz Zoe ${tag}`]);
    // `%`, `_` and `\` are letters here: as LIKE's wildcards and escape each would match Zoe.
    for (const near of ['Zz%Zoe', 'Zz_Zoe', 'Zz\\ Zoe'])
      expect((await admin().get(`/api/users?q=${encodeURIComponent(`${near} ${tag}`)}`)).body.matching).toBe(0);

    for (const hostile of ['x'.repeat(101), 'a%0Ab', '%07']) {
      const refused = await admin().get(`/api/users?q=${hostile}`);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('invalid_query');
    }
    const crew = await makeUser();
    expect((await http({ token: await makeToken(crew.id) }).get(`/api/users?q=${tag}`)).status).toBe(403);
  });

  it('shows only the admins, the active or the deactivated accounts, with or without a search', async () => {
    const tag = Math.random().toString(36).slice(2, 10);
    const admin1 = await makeUser({ name: `Yy Admin ${tag}`, isAdmin: true });
    const gone = await makeUser({ name: `Yy Gone ${tag}` });
    const here = await makeUser({ name: `Yy Here ${tag}` });
    await prisma.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const shown = async (query: string) => {
      const res = await admin().get(`/api/users?${query}`);
      expect(res.status).toBe(200);
      return res.body.users.map((u: { id: string }) => u.id);
    };

    expect(await shown(`q=${tag}&show=admins`)).toEqual([admin1.id]);
    expect(await shown(`q=${tag}&show=deactivated`)).toEqual([gone.id]);
    expect(await shown(`q=${tag}&show=active`)).toEqual([admin1.id, here.id]);
    expect(await shown(`q=${tag}&show=everyone`)).toEqual([admin1.id, gone.id, here.id]);
    // Without a search: every admin there is, counted.
    const admins = await admin().get('/api/users?show=admins');
    expect(admins.body.matching).toBe(await prisma.user.count({ where: { isAdmin: true } }));
    expect(admins.body.users.every((u: { isAdmin: boolean }) => u.isAdmin)).toBe(true);

    for (const bad of ['show=owners', 'show=', 'show=ADMINS']) {
      const refused = await admin().get(`/api/users?${bad}`);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'invalid_query', message: expect.stringContaining('`show`') });
    }
  });
});
