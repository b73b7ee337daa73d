import { describe, expect, inject, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { http } from '../support/http';

const admin = () => http({ token: inject('adminToken') });
const DAY = 86_400_000;

/** The Users page's pending invitations come from this list: each one must be there to be revoked. */
describe('listing invitations', () => {
  it('lists every pending invitation however many were sent since, and those that ended lately', async () => {
    const tag = Math.random().toString(36).slice(2, 10);
    const now = Date.now();
    const invitation = (name: string, sentDaysAgo: number, extra: object = {}) => ({
      tokenHash: `list-${tag}-${name}`,
      email: `${name}-${tag}@example.test`,
      createdAt: new Date(now - sentDaysAgo * DAY),
      expiresAt: new Date(now - sentDaysAgo * DAY + 7 * DAY),
      ...extra,
    });
    // Sent six days ago and still pending; then a company-wide onboarding without single sign-on.
    const oldest = await prisma.invitation.create({ data: invitation('oldest', 6) });
    const revoked = await prisma.invitation.create({ data: invitation('revoked', 5.5, { revokedAt: new Date() }) });
    await prisma.invitation.createMany({
      data: Array.from({ length: 500 }, (_, i) => invitation(`wave-${i}`, 5 - i / 1000)),
    });

    const listed = await admin().get('/api/invitations');
    expect(listed.status).toBe(200);
    const byId = new Map(listed.body.invitations.map((i: { id: string }) => [i.id, i]));
    expect(byId.get(oldest.id)).toMatchObject({ email: `oldest-${tag}@example.test`, status: 'pending' });
    expect(byId.get(revoked.id)).toMatchObject({ status: 'revoked' });
    const times = listed.body.invitations.map((i: { createdAt: string }) => Date.parse(i.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
