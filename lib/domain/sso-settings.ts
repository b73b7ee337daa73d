/** Single sign-on settings and the rule for who may get an account through it (pure). */
import { emailDomainAllowed, parseSignUpPolicy } from './accounts';

export type SsoSettings = {
  issuer: string;
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  /** The button's label: "Sign in with <name>". */
  name: string;
  scopes: string[];
  /** Members of this group (in the groups claim) are admins; unset leaves admin rights to War Room. */
  adminGroup: string | null;
  groupsClaim: string;
};

/** SSO is configured, misconfigured (with what to fix), or off. */
export type SsoConfig = { ok: true; settings: SsoSettings } | { ok: false; problem: string } | null;

type Env = Record<string, string | undefined>;

const DEFAULT_SCOPES = ['openid', 'email', 'profile'];

/** Reads OIDC_*; null when OIDC_ISSUER is unset. Never throws: a bad setting is a `problem`. */
export function parseSsoConfig(env: Env): SsoConfig {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return null;
  let issuerUrl: URL;
  try {
    issuerUrl = new URL(issuer);
  } catch {
    return { ok: false, problem: `OIDC_ISSUER is not a URL (${JSON.stringify(issuer.slice(0, 80))}).` };
  }
  if (issuerUrl.protocol !== 'https:' && issuerUrl.protocol !== 'http:')
    return { ok: false, problem: 'OIDC_ISSUER must be an https:// URL.' };
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!clientId) return { ok: false, problem: 'OIDC_ISSUER is set but OIDC_CLIENT_ID is missing.' };
  if (!clientSecret) return { ok: false, problem: 'OIDC_ISSUER is set but OIDC_CLIENT_SECRET is missing.' };
  const scopes = (env.OIDC_SCOPES ?? '').split(/[\s,]+/).filter(Boolean);
  const base = issuer.replace(/\/+$/, '');
  return {
    ok: true,
    settings: {
      issuer: base,
      discoveryUrl: `${base}/.well-known/openid-configuration`,
      clientId,
      clientSecret,
      name: env.OIDC_NAME?.trim() || 'SSO',
      scopes: scopes.length ? Array.from(new Set(['openid', ...scopes])) : DEFAULT_SCOPES,
      adminGroup: env.OIDC_ADMIN_GROUP?.trim() || null,
      groupsClaim: env.OIDC_GROUPS_CLAIM?.trim() || 'groups',
    },
  };
}

export type SsoAdmission = { admitted: true } | { admitted: false; reason: 'no_email' | 'not_invited' };

/** A first SSO sign-in creates an account only for a pending invitation or an allowed email domain. */
export function ssoAccountAdmission(input: {
  email: string | null | undefined;
  allowedDomains: string | undefined;
  invited: boolean;
}): SsoAdmission {
  if (!input.email) return { admitted: false, reason: 'no_email' };
  if (input.invited) return { admitted: true };
  return emailDomainAllowed(
    input.email,
    parseSignUpPolicy({ ALLOWED_EMAIL_DOMAINS: input.allowedDomains }).allowedDomains,
  )
    ? { admitted: true }
    : { admitted: false, reason: 'not_invited' };
}
