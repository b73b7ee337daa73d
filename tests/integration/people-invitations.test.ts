import { describe, expect, inject, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { eventCount, makeCrew } from '../support/crew';
import { baseUrl, http } from '../support/http';

/** Inviting someone who has no account yet straight into a role of a deployment. */
const unique = (tag = 'newcomer') => `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
const invitationsOf = (deploymentId: string) => `/api/deployments/${deploymentId}/invitations`;
const accept = (token: string, name = 'Nora Newcomer', password = 'a-long-password') =>
  fetch(`${baseUrl()}/api/invitations/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl() },
    body: JSON.stringify({ name, password }),
  });
const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

describe('inviting into a role', () => {
  it('makes the account and the participant when the link is accepted; the newcomer holds the role and ticks its items', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const ic = http({ token: crew.tokens.ic });
    const email = unique();
    const before = await eventCount(id);

    const invited = await ic.post(invitationsOf(id), { email: email.toUpperCase(), roleKey: 'dba' });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      outcome: 'invited',
      path: `/invite/${invited.body.token}`,
      invitation: { email, roleKey: 'dba', roleName: expect.any(String), status: 'pending', invitedBy: 'Iris IC' },
    });
    // The link is shown once: only its hash is stored, and the list never carries it.
    const listed = await ic.get(invitationsOf(id));
    expect(listed.body.invitations.map((i: { email: string }) => i.email)).toEqual([email]);
    expect(JSON.stringify(listed.body)).not.toContain(invited.body.token);
    expect(JSON.stringify(await prisma.invitation.findMany({ where: { email } }))).not.toContain(invited.body.token);
    // The invite page says where the link leads.
    const page = await (await fetch(`${baseUrl()}${invited.body.path}`)).text();
    expect(page).toContain(crew.deployment.name);

    const accepted = await accept(invited.body.token);
    expect(accepted.status).toBe(201);
    const newcomer = http({ cookie: cookieOf(accepted) });
    const detail = await newcomer.get(`/api/deployments/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.me.roles.map((r: { key: string }) => r.key)).toEqual(['dba']);
    expect(
      detail.body.roles.find((r: { key: string }) => r.key === 'dba').holders.map((h: { name: string }) => h.name),
    ).toContain('Nora Newcomer');

    const item = crew.itemOf('dba');
    const ticked = await newcomer.patch(
      `/api/deployments/${id}/items/${item.id}`,
      { status: 'done', version: item.version },
      { origin: baseUrl() },
    );
    expect(ticked.status).toBe(200);

    // One event for the invitation, one for joining (by the newcomer, saying how), one for the tick.
    const events = await prisma.event.findMany({
      where: { deploymentId: id, seq: { gt: before } },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => e.type)).toEqual(['participant.invited', 'participant.added', 'item.updated']);
    expect(events[1].payload).toMatchObject({
      via: 'invitation',
      roleKey: 'dba',
      userName: 'Nora Newcomer',
      invitationId: invited.body.invitation.id,
    });
    expect((await ic.get(invitationsOf(id))).body.invitations).toEqual([]);
    expect((await accept(invited.body.token, 'Someone Else')).status).toBe(410);
  });

  it('assigns at once when the email already has an account', async () => {
    const crew = await makeCrew();
    const res = await http({ token: crew.tokens.ic }).post(invitationsOf(crew.deployment.id), {
      email: crew.people.outsider.email,
      roleKey: 'qa',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      outcome: 'added',
      participant: { userId: crew.people.outsider.id, roleKey: 'qa' },
    });
    expect(await prisma.invitation.count({ where: { email: crew.people.outsider.email } })).toBe(0);
    const again = await http({ token: crew.tokens.ic }).post(invitationsOf(crew.deployment.id), {
      email: crew.people.outsider.email,
      roleKey: 'qa',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_exists');
  });

  it('revokes a pending invitation: the link stops working and nothing is made', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const ic = http({ token: crew.tokens.ic });
    const email = unique('revoked');
    const invited = await ic.post(invitationsOf(id), { email, roleKey: 'qa' });
    const revoked = await ic.del(`${invitationsOf(id)}/${invited.body.invitation.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.invitation.status).toBe('revoked');
    expect((await ic.get(invitationsOf(id))).body.invitations).toEqual([]);
    const res = await accept(invited.body.token);
    expect(res.status).toBe(410);
    expect((await res.json()).error.code).toBe('invitation_revoked');
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    expect(await (await fetch(`${baseUrl()}${invited.body.path}`)).text()).toContain('withdrawn');
    expect(
      (await prisma.event.findMany({ where: { deploymentId: id, type: 'participant.invitation_revoked' } })).map(
        (e) => e.payload,
      ),
    ).toEqual([expect.objectContaining({ email, roleKey: 'qa' })]);
    // Twice is a clear refusal, and another deployment's invitation is not this one's.
    expect((await ic.del(`${invitationsOf(id)}/${invited.body.invitation.id}`)).body.error.code).toBe(
      'invitation_revoked',
    );
    const elsewhere = await makeCrew();
    expect(
      (
        await http({ token: elsewhere.tokens.ic }).del(
          `${invitationsOf(elsewhere.deployment.id)}/${invited.body.invitation.id}`,
        )
      ).status,
    ).toBe(404);
  });

  it('refuses bad input with 422 and writes nothing', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const ic = http({ token: crew.tokens.ic });
    const before = {
      events: await eventCount(id),
      invitations: await prisma.invitation.count({ where: { deploymentId: id } }),
    };
    const cases: [unknown, string][] = [
      [{ email: unique(), roleKey: 'release-wizard' }, 'unknown_role'],
      [{ email: 'not-an-email', roleKey: 'dba' }, 'invalid_body'],
      [{ email: unique(), roleKey: 'Not A Key' }, 'invalid_body'],
      [{ roleKey: 'dba' }, 'invalid_body'],
      [{ email: unique() }, 'invalid_body'],
    ];
    for (const [body, code] of cases) {
      const res = await ic.post(invitationsOf(id), body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    // The same pending invitation twice: the first link stays the only one.
    const email = unique('twice');
    expect((await ic.post(invitationsOf(id), { email, roleKey: 'dba' })).status).toBe(201);
    const twice = await ic.post(invitationsOf(id), { email, roleKey: 'dba' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_exists');
    expect(await eventCount(id)).toBe(before.events + 1);
    expect(await prisma.invitation.count({ where: { deploymentId: id } })).toBe(before.invitations + 1);
  });

  it('is for the IC and admins: others may neither invite, list nor revoke', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const invited = await http({ token: crew.tokens.ic }).post(invitationsOf(id), { email: unique(), roleKey: 'dba' });
    for (const token of [crew.tokens.dba, crew.tokens.stakeholder]) {
      const api = http({ token });
      expect((await api.post(invitationsOf(id), { email: unique(), roleKey: 'dba' })).status).toBe(403);
      expect((await api.get(invitationsOf(id))).status).toBe(403);
      expect((await api.del(`${invitationsOf(id)}/${invited.body.invitation.id}`)).status).toBe(403);
    }
    expect((await http({ token: crew.tokens.outsider }).get(invitationsOf(id))).status).toBe(403);
    expect([401, 403]).toContain((await http().post(invitationsOf(id), { email: unique(), roleKey: 'dba' })).status);
    expect(await prisma.invitation.count({ where: { deploymentId: id } })).toBe(1);
    // An admin who is not in the room may.
    const admin = http({ token: inject('adminToken') });
    expect((await admin.get(invitationsOf(id))).body.invitations).toHaveLength(1);
    expect((await admin.post(invitationsOf(id), { email: unique('by-admin'), roleKey: 'qa' })).status).toBe(201);
  });

  it('joins every role the email was invited to when the account is made', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const ic = http({ token: crew.tokens.ic });
    const email = unique('two-roles');
    const first = await ic.post(invitationsOf(id), { email, roleKey: 'dba' });
    await ic.post(invitationsOf(id), { email, roleKey: 'qa' });
    const accepted = await accept(first.body.token, 'Tia Two-Roles');
    expect(accepted.status).toBe(201);
    const detail = await http({ cookie: cookieOf(accepted) }).get(`/api/deployments/${id}`);
    expect(detail.body.me.roles.map((r: { key: string }) => r.key).sort()).toEqual(['dba', 'qa']);
    expect((await ic.get(invitationsOf(id))).body.invitations).toEqual([]);
  });
});
