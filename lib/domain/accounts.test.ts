import { describe, expect, it } from 'vitest';
import {
  adminGrantRefusal,
  clientAddressOf,
  invitationStatus,
  isLoopbackAddress,
  mayManageAccounts,
  parseSignUpPolicy,
  signUpRefusal,
} from './accounts';

describe('self sign-up', () => {
  it('is closed unless ALLOW_SIGN_UP=true', () => {
    expect(signUpRefusal(parseSignUpPolicy({}), 'a@b.test')?.code).toBe('sign_up_closed');
    expect(signUpRefusal(parseSignUpPolicy({ ALLOW_SIGN_UP: 'yes' }), 'a@b.test')?.code).toBe('sign_up_closed');
    expect(signUpRefusal(parseSignUpPolicy({ ALLOW_SIGN_UP: 'true' }), 'a@b.test')).toBeNull();
  });

  it('takes only the listed domains, exactly', () => {
    const policy = parseSignUpPolicy({ ALLOW_SIGN_UP: 'true', ALLOWED_EMAIL_DOMAINS: ' Example.com, @corp.test ' });
    expect(policy.allowedDomains).toEqual(['example.com', 'corp.test']);
    expect(signUpRefusal(policy, 'Ann@EXAMPLE.com')).toBeNull();
    expect(signUpRefusal(policy, 'bo@corp.test')).toBeNull();
    for (const email of ['x@evil-example.com', 'x@example.com.evil', 'x@sub.example.com', 'example.com', '', 42]) {
      expect(signUpRefusal(policy, email)?.code, String(email)).toBe('email_domain_not_allowed');
    }
  });
});

describe('client address', () => {
  it('is the last forwarded entry: the one our server or the trusted proxy wrote', () => {
    expect(clientAddressOf('127.0.0.1')).toBe('127.0.0.1');
    expect(clientAddressOf('127.0.0.1, 203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddressOf('')).toBeNull();
    expect(clientAddressOf(null)).toBeNull();
  });

  it('is loopback only for 127/8, ::1 and their mapped forms', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of [
      '10.0.0.1',
      '192.168.1.2',
      '203.0.113.9',
      '::ffff:10.0.0.1',
      'fe80::1',
      'localhost',
      '',
      null,
      'garbage',
    ])
      expect(isLoopbackAddress(a), String(a)).toBe(false);
  });
});

describe('granting admin rights', () => {
  it('needs a signed-in admin, or the admin token while no admin exists', () => {
    expect(adminGrantRefusal({ isAdmin: true, via: 'session' }, true)).toBeNull();
    expect(adminGrantRefusal({ isAdmin: true, via: 'token', scopes: ['read', 'write'] }, true)).toMatch(
      /never with an API token/,
    );
    expect(adminGrantRefusal({ isAdmin: true, via: 'token', scopes: ['write'] }, false)).toMatch(
      /never with an API token/,
    );
    expect(adminGrantRefusal({ isAdmin: true, via: 'admin-token' }, false)).toBeNull();
    expect(adminGrantRefusal({ isAdmin: true, via: 'admin-token' }, true)).toMatch(/already exists/);
    expect(adminGrantRefusal({ isAdmin: false, via: 'session' }, false)).not.toBeNull();
  });

  it('managing accounts needs an admin, and an admin token with the write scope', () => {
    expect(mayManageAccounts({ isAdmin: true, via: 'session' })).toBe(true);
    expect(mayManageAccounts({ isAdmin: true, via: 'admin-token' })).toBe(true);
    expect(mayManageAccounts({ isAdmin: true, via: 'token', scopes: ['write'] })).toBe(true);
    expect(mayManageAccounts({ isAdmin: true, via: 'token', scopes: ['read'] })).toBe(false);
    expect(mayManageAccounts({ isAdmin: false, via: 'session' })).toBe(false);
  });
});

describe('invitation status', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  const base = { acceptedAt: null, revokedAt: null, expiresAt: new Date('2026-12-05T12:00:00Z') };
  it('is pending until used, withdrawn or past its expiry', () => {
    expect(invitationStatus(base, now)).toBe('pending');
    expect(invitationStatus({ ...base, acceptedAt: now }, now)).toBe('accepted');
    expect(invitationStatus({ ...base, revokedAt: now }, now)).toBe('revoked');
    expect(invitationStatus({ ...base, expiresAt: now }, now)).toBe('expired');
  });
});
