import { describe, expect, it } from 'vitest';
import { parseSsoConfig, ssoAccountAdmission } from './sso-settings';

const base = {
  OIDC_ISSUER: 'https://idp.acme.com/realms/main/',
  OIDC_CLIENT_ID: 'war-room',
  OIDC_CLIENT_SECRET: 's3cret',
};

describe('single sign-on settings', () => {
  it('is off without OIDC_ISSUER', () => {
    expect(parseSsoConfig({})).toBeNull();
  });

  it('derives the discovery URL, label and default scopes', () => {
    const config = parseSsoConfig({ ...base, OIDC_NAME: 'Acme SSO' });
    expect(config).toMatchObject({
      ok: true,
      settings: {
        discoveryUrl: 'https://idp.acme.com/realms/main/.well-known/openid-configuration',
        name: 'Acme SSO',
        scopes: ['openid', 'email', 'profile'],
        adminGroup: null,
        groupsClaim: 'groups',
      },
    });
  });

  it('always asks for openid, once, beside the configured scopes', () => {
    const config = parseSsoConfig({ ...base, OIDC_SCOPES: 'email, profile groups openid' });
    expect(config?.ok && config.settings.scopes).toEqual(['openid', 'email', 'profile', 'groups']);
  });

  it('says what is missing or wrong instead of throwing', () => {
    expect(parseSsoConfig({ OIDC_ISSUER: 'https://idp.acme.com' })).toEqual({
      ok: false,
      problem: 'OIDC_ISSUER is set but OIDC_CLIENT_ID is missing.',
    });
    expect(parseSsoConfig({ ...base, OIDC_CLIENT_SECRET: '' })).toEqual({
      ok: false,
      problem: 'OIDC_ISSUER is set but OIDC_CLIENT_SECRET is missing.',
    });
    expect(parseSsoConfig({ ...base, OIDC_ISSUER: 'not a url' })).toMatchObject({
      ok: false,
      problem: expect.stringContaining('is not a URL'),
    });
    expect(parseSsoConfig({ ...base, OIDC_ISSUER: 'ftp://idp.acme.com' })).toMatchObject({ ok: false });
  });
});

describe('who a first SSO sign-in may create an account for', () => {
  it('matches whole domains only, case-insensitively', () => {
    expect(
      ssoAccountAdmission({ email: 'Ada@ACME.com', allowedDomains: ' Acme.com, @corp.example ,', invited: false }),
    ).toEqual({ admitted: true });
    expect(
      ssoAccountAdmission({ email: 'x@corp.example', allowedDomains: ' Acme.com, @corp.example ,', invited: false }),
    ).toEqual({ admitted: true });
    for (const email of ['eve@evil-acme.com', 'eve@acme.com.evil.example', 'no-at-sign']) {
      expect(ssoAccountAdmission({ email, allowedDomains: 'acme.com', invited: false })).toEqual({
        admitted: false,
        reason: 'not_invited',
      });
    }
  });

  it('admits an invitation or an allowed domain, and refuses everyone else', () => {
    expect(ssoAccountAdmission({ email: 'ada@acme.com', allowedDomains: 'acme.com', invited: false })).toEqual({
      admitted: true,
    });
    expect(ssoAccountAdmission({ email: 'guest@partner.example', allowedDomains: 'acme.com', invited: true })).toEqual({
      admitted: true,
    });
    expect(
      ssoAccountAdmission({ email: 'mallory@elsewhere.example', allowedDomains: 'acme.com', invited: false }),
    ).toEqual({ admitted: false, reason: 'not_invited' });
    expect(
      ssoAccountAdmission({ email: 'mallory@elsewhere.example', allowedDomains: undefined, invited: false }),
    ).toEqual({ admitted: false, reason: 'not_invited' });
    expect(ssoAccountAdmission({ email: null, allowedDomains: 'acme.com', invited: true })).toEqual({
      admitted: false,
      reason: 'no_email',
    });
  });
});
