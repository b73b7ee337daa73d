import { describe, expect, it } from 'vitest';
import { describeIdentity, evidenceFor, eventFor, needsReauth, reauthMinutes, ROOM_VIEWER } from './identity';

describe('step-up before a decision', () => {
  const signedIn = new Date('2026-12-04T19:00:00Z');
  it('asks again once the last authentication is older than the window', () => {
    expect(needsReauth(signedIn, new Date('2026-12-04T19:15:00Z'), 15)).toBe(false);
    expect(needsReauth(signedIn, new Date('2026-12-04T19:15:01Z'), 15)).toBe(true);
    expect(needsReauth(signedIn, new Date('2026-12-04T19:00:01Z'), 0)).toBe(true);
  });
  it('reads SIGNOFF_REAUTH_MIN, falling back to 15 minutes', () => {
    expect(reauthMinutes(undefined)).toBe(15);
    expect(reauthMinutes('')).toBe(15);
    expect(reauthMinutes('five')).toBe(15);
    expect(reauthMinutes('-1')).toBe(15);
    expect(reauthMinutes('2')).toBe(2);
    expect(reauthMinutes('0')).toBe(0);
  });
});

describe('describeIdentity', () => {
  it('says how, when and from where', () => {
    expect(
      describeIdentity({ method: 'password', at: '2026-12-04T19:02:11.000Z', ip: '10.0.0.7', userAgent: 'Firefox' }),
    ).toBe('password at 19:02Z from 10.0.0.7 (Firefox)');
    expect(
      describeIdentity({ method: 'token', tokenId: 't1', tokenName: 'ci', at: null, ip: '10.0.0.8', userAgent: null }),
    ).toBe('API token “ci” (t1) from 10.0.0.8');
    expect(
      describeIdentity({
        method: 'sso',
        issuer: 'https://id.example',
        subject: 'u-42',
        at: null,
        ip: null,
        userAgent: null,
      }),
    ).toBe('SSO https://id.example as u-42');
    expect(describeIdentity({})).toBe('not recorded');
  });
});

describe('who sees the network evidence', () => {
  const evidence = {
    method: 'password' as const,
    at: '2026-12-05T08:00:00.000Z',
    ip: '10.0.0.7',
    userAgent: 'Firefox',
  };
  it('shows the IP and user agent to the IC or an admin, and to the signer themselves', () => {
    expect(evidenceFor({ userId: 'ic', seesNetwork: true }, 'dba', evidence)).toEqual(evidence);
    expect(evidenceFor({ userId: 'dba', seesNetwork: false }, 'dba', evidence)).toEqual(evidence);
  });
  it('keeps how and when, but not from where, for everyone else', () => {
    expect(evidenceFor({ userId: 'qa', seesNetwork: false }, 'dba', evidence)).toEqual({
      method: 'password',
      at: evidence.at,
    });
    const event = { actorId: 'dba', data: { gateTitle: 'Go', identity: evidence } };
    expect(eventFor(ROOM_VIEWER, event)).toEqual({
      actorId: 'dba',
      data: { gateTitle: 'Go', identity: { method: 'password', at: evidence.at } },
    });
    expect(eventFor(ROOM_VIEWER, { actorId: 'x', data: { title: 'no identity' } })).toEqual({
      actorId: 'x',
      data: { title: 'no identity' },
    });
  });
});
