import type { GenericOAuthConfig } from 'better-auth/plugins';
import { parseSsoConfig, ssoAccountAdmission, type SsoConfig, type SsoSettings } from '@/lib/domain/sso-settings';
import { env } from '@/lib/server/env';
import { logger } from '@/lib/server/logger';

/** The one provider id: callbacks land on /api/auth/callback/oidc. */
export const SSO_PROVIDER_ID = 'oidc';

let logged = false;

/** The operator's single sign-on settings (OIDC_*): configured, misconfigured, or null when off. */
export function ssoConfig(): SsoConfig {
  const {
    OIDC_ISSUER,
    OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET,
    OIDC_NAME,
    OIDC_SCOPES,
    OIDC_ADMIN_GROUP,
    OIDC_GROUPS_CLAIM,
  } = env();
  const config = parseSsoConfig({
    OIDC_ISSUER,
    OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET,
    OIDC_NAME,
    OIDC_SCOPES,
    OIDC_ADMIN_GROUP,
    OIDC_GROUPS_CLAIM,
  });
  if (config && !config.ok && !logged) {
    logged = true;
    logger.error('sso.misconfigured', { problem: config.problem });
  }
  return config;
}

export function ssoSettings(): SsoSettings | null {
  const config = ssoConfig();
  return config?.ok ? config.settings : null;
}

/** Password sign-in stays on unless PASSWORD_SIGN_IN=false (which only makes sense with SSO). */
export function passwordSignInEnabled(): boolean {
  return env().PASSWORD_SIGN_IN;
}

/** What the sign-in page shows: the button (with its label), a configuration problem, or nothing. */
export function ssoSignInOption(): { label: string } | { problem: string } | null {
  const config = ssoConfig();
  if (!config) return null;
  return config.ok ? { label: config.settings.name } : { problem: config.problem };
}

/**
 * better-auth's generic OAuth provider for the operator's OpenID provider. Discovery, state, PKCE,
 * the ID token's signature, issuer, audience and nonce are better-auth's (requireIdTokenVerification:
 * a provider whose discovery gives no JWKS is not used at all, rather than trusted unverified).
 * The issuer is the operator's own infrastructure, like DATABASE_URL: it is not a destination a
 * user chose, so it is not subject to the egress guard (docs/security.md).
 */
export function ssoProviderConfig(settings: SsoSettings): GenericOAuthConfig {
  return {
    providerId: SSO_PROVIDER_ID,
    name: settings.name,
    discoveryUrl: settings.discoveryUrl,
    requireIdTokenVerification: true,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    scopes: settings.scopes,
    pkce: true,
    // The IdP is the source of truth for an SSO person's name and admin group, on every sign-in.
    overrideUserInfo: true,
    mapProfileToUser: (profile) => {
      const email = typeof profile.email === 'string' ? profile.email : undefined;
      return {
        name:
          typeof profile.name === 'string' && profile.name.trim() ? profile.name : (email?.split('@')[0] ?? 'SSO user'),
      };
    },
  };
}

/** The groups an IdP profile claims, as strings: an array claim or a space/comma-separated one. */
function claimGroups(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((group): group is string => typeof group === 'string');
  if (typeof claim === 'string') return claim.split(/[,\s]+/).filter(Boolean);
  return [];
}

/**
 * The admin flag an SSO sign-in decided (OIDC_ADMIN_GROUP), by email, between the moment
 * better-auth validates the IdP's profile and the moment it creates the user or the session in
 * the same request. better-auth never lets a profile write `isAdmin` itself (input: false), which
 * is what keeps self sign-up from claiming it.
 */
const adminDecisions = new Map<string, boolean>();

type ProviderSource = {
  method: string;
  action: string;
  oauth?: { providerId: string; profile?: Record<string, unknown> };
};
type Refusal = { error: string; message: string };

/**
 * better-auth's `validateUserInfo` for SSO: a first sign-in creates an account only for a pending
 * invitation or an allowed email domain (else the refusal page, logged without the claims); every
 * sign-in re-reads the admin group.
 */
export async function validateSsoUser(
  user: { email?: string | null },
  source: ProviderSource,
  hasInvitation: (email: string) => Promise<boolean>,
): Promise<Refusal | undefined> {
  const settings = ssoSettings();
  if (!settings || source.method !== 'oauth' || source.oauth?.providerId !== SSO_PROVIDER_ID) return undefined;
  const email = user.email?.toLowerCase() ?? null;
  if (source.action === 'create-user') {
    const verdict = ssoAccountAdmission({
      email,
      allowedDomains: env().ALLOWED_EMAIL_DOMAINS,
      invited: email ? await hasInvitation(email) : false,
    });
    if (!verdict.admitted) {
      logger.warn('sso.account_refused', { reason: verdict.reason, domain: email?.split('@')[1] ?? '' });
      return {
        error: verdict.reason,
        message: 'War Room accounts are by invitation: ask a War Room admin to invite you.',
      };
    }
  }
  if (email && settings.adminGroup)
    adminDecisions.set(email, claimGroups(source.oauth.profile?.[settings.groupsClaim]).includes(settings.adminGroup));
  return undefined;
}

/** Whether any SSO sign-in is between validation and its session (keeps other sign-ins query-free). */
export function ssoAdminDecisionsPending(): boolean {
  return adminDecisions.size > 0;
}

/** The admin flag this request's SSO sign-in decided for the email, once (undefined: none). */
export function takeSsoAdminDecision(email: string): boolean | undefined {
  const key = email.toLowerCase();
  const decision = adminDecisions.get(key);
  adminDecisions.delete(key);
  return decision;
}
