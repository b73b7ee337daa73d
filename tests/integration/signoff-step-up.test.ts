import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { http, signIn } from '../support/http';
import { expectError, gatesOf, makeDrivenCrew, snapshot } from '../support/lifecycle';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) WarRoomTest/1.0';

/** Makes every session of the user look signed in an hour ago: the step-up window has passed. */
async function ageSessions(userId: string) {
  await prisma.session.updateMany({
    where: { userId },
    data: { createdAt: new Date(Date.now() - 3_600_000), authenticatedAt: null },
  });
}

describe('step-up before a go / no-go decision', () => {
  it('refuses a stale browser session (reauth_required), refuses a wrong password, and accepts after re-authentication', async () => {
    const crew = await makeDrivenCrew();
    const [gate] = await gatesOf(crew.id);
    const cookie = await signIn(crew.people.dba.email, crew.people.dba.password);
    const dba = http({ cookie });
    const url = crew.url(`/gates/${gate.id}/signoffs`);
    const headers = { 'user-agent': BROWSER };
    await ageSessions(crew.people.dba.id);
    const before = await snapshot(crew.id);

    const stale = await dba.post(url, { decision: 'reject', comment: 'replica lag 40 s' }, headers);
    expectError(stale, 403, 'reauth_required');
    expect(stale.body.error.message).toMatch(/password/);
    expectError(await dba.post('/api/session/reauth', { password: 'not-my-password' }), 403, 'invalid_password');
    expectError(
      await dba.post(url, { decision: 'reject', comment: 'replica lag 40 s' }, headers),
      403,
      'reauth_required',
    );
    expect(await snapshot(crew.id)).toEqual(before);

    const confirmed = await dba.post('/api/session/reauth', { password: crew.people.dba.password });
    expect(confirmed.status).toBe(200);
    expect(new Date(confirmed.body.authenticatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const signed = await dba.post(url, { decision: 'reject', comment: 'replica lag 40 s' }, headers);
    expect(signed.status).toBe(201);
    expect(signed.body.signoff.identity).toMatchObject({
      method: 'password',
      at: confirmed.body.authenticatedAt,
      userAgent: BROWSER,
      ip: expect.any(String),
    });

    // An override is a decision too: the IC's stale session is asked again.
    const ic = http({ cookie: await signIn(crew.people.ic.email, crew.people.ic.password) });
    await ageSessions(crew.people.ic.id);
    expectError(
      await ic.post(crew.url(`/gates/${gate.id}/override`), { reason: 'bridge call' }),
      403,
      'reauth_required',
    );
    expect((await ic.post('/api/session/reauth', { password: crew.people.ic.password })).status).toBe(200);
    expect((await ic.post(crew.url(`/gates/${gate.id}/override`), { reason: 'bridge call' })).status).toBe(200);
  });

  it('leaves tokens alone, and refuses re-authentication to a token', async () => {
    const crew = await makeDrivenCrew();
    const [gate] = await gatesOf(crew.id);
    await ageSessions(crew.people.dba.id);
    const res = await crew
      .as(crew.tokens.dba)
      .post(crew.url(`/gates/${gate.id}/signoffs`), { decision: 'approve' }, { 'user-agent': 'ci-pipeline/7' });
    expect(res.status).toBe(201);
    const tokenRow = await prisma.apiToken.findFirstOrThrow({ where: { userId: crew.people.dba.id } });
    expect(res.body.signoff.identity).toEqual({
      method: 'token',
      tokenId: tokenRow.id,
      tokenName: tokenRow.name,
      at: null,
      ip: expect.any(String),
      userAgent: 'ci-pipeline/7',
    });
    expectError(
      await crew.as(crew.tokens.dba).post('/api/session/reauth', { password: crew.people.dba.password }),
      403,
      'forbidden',
    );
  });
});

describe('evidence of identity', () => {
  it('each sign-off and override event records how the person authenticated, and the report shows it', async () => {
    const crew = await makeDrivenCrew();
    const [gate] = await gatesOf(crew.id);
    const dba = http({ cookie: await signIn(crew.people.dba.email, crew.people.dba.password) });
    expect(
      (await dba.post(crew.url(`/gates/${gate.id}/signoffs`), { decision: 'approve' }, { 'user-agent': BROWSER }))
        .status,
    ).toBe(201);
    const byTech = await crew
      .as(crew.tokens.tech)
      .post(crew.url(`/gates/${gate.id}/signoffs`), { decision: 'approve' });
    expect(byTech.status).toBe(201);
    // The answer to Tomás shows Dana's sign-off, but not where she signed from.
    const danasSignoff = byTech.body.gate.signoffs.find((s: { user: string }) => s.user === 'Dana DBA');
    expect(danasSignoff.identity).toEqual({ method: 'password', at: expect.any(String) });
    expect(
      (await crew.ic.post(crew.url(`/gates/${gate.id}/override`), { reason: 'QA signed on the bridge' })).status,
    ).toBe(200);

    const events = (await crew.ic.get(crew.url('/events?after=0'))).body.events as {
      type: string;
      actor: string;
      data: { identity?: Record<string, unknown> };
    }[];
    const signedByDana = events.find((e) => e.type === 'gate.signed' && e.actor === 'Dana DBA')!;
    expect(signedByDana.data.identity).toMatchObject({
      method: 'password',
      at: expect.any(String),
      ip: expect.any(String),
      userAgent: BROWSER,
    });
    const signedByToken = events.find((e) => e.type === 'gate.signed' && e.actor === 'Tomás Tech')!;
    expect(signedByToken.data.identity).toMatchObject({
      method: 'token',
      tokenId: expect.any(String),
      tokenName: 'test',
    });
    const override = events.find((e) => e.type === 'gate.overridden')!;
    expect(override.data.identity).toMatchObject({ method: 'token', tokenName: 'test' });

    const report = await crew.ic.get(crew.url('/report.md'));
    expect(report.status).toBe(200);
    const markdown = typeof report.body === 'string' ? report.body : report.body.markdown;
    expect(markdown).toContain('| Role | Person | Decision | Time | Comment | Authenticated |');
    expect(markdown).toMatch(/Dana DBA[^\n]*password at \d\d:\d\dZ from [^\n]+ \(Mozilla\/5.0/);
    expect(markdown).toMatch(/Tomás Tech[^\n]*API token “test”/);
  });
});
