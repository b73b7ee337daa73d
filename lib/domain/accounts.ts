/**
 * Who may have an account, who may grant admin rights, and what an invitation link is worth.
 *
 * Pure: lib/server/auth (sign-up and sign-in guards) and lib/server/users (users, invitations)
 * apply these rules; route handlers map the refusals to errors.
 */

import ipaddr from 'ipaddr.js';

// ── Self sign-up ────────────────────────────────────────────────────────────────────────────────

export type SignUpPolicy = { open: boolean; allowedDomains: readonly string[] };

/** Closed unless ALLOW_SIGN_UP=true; ALLOWED_EMAIL_DOMAINS (comma-separated) narrows an open one. */
export function parseSignUpPolicy(env: { ALLOW_SIGN_UP?: string; ALLOWED_EMAIL_DOMAINS?: string }): SignUpPolicy {
  const allowedDomains = (env.ALLOWED_EMAIL_DOMAINS ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter(Boolean);
  return { open: env.ALLOW_SIGN_UP?.trim().toLowerCase() === 'true', allowedDomains };
}

/** Is the email's domain exactly one of `domains`? ("evil-example.com" and "example.com.evil" are not "example.com".) */
export function emailDomainAllowed(email: unknown, domains: readonly string[]): boolean {
  if (typeof email !== 'string' || !email.includes('@')) return false;
  return domains.includes(email.trim().toLowerCase().split('@').pop() ?? '');
}

export type SignUpRefusal = { code: 'sign_up_closed' | 'email_domain_not_allowed'; message: string };

export function signUpRefusal(policy: SignUpPolicy, email: unknown): SignUpRefusal | null {
  if (!policy.open)
    return { code: 'sign_up_closed', message: 'Accounts are made by invitation here: ask an admin to invite you.' };
  if (policy.allowedDomains.length === 0) return null;
  if (emailDomainAllowed(email, policy.allowedDomains)) return null;
  return {
    code: 'email_domain_not_allowed',
    message: `Only addresses at ${policy.allowedDomains.join(', ')} may sign up; ask an admin to invite you.`,
  };
}

// ── Where a request comes from ─────────────────────────────────────────────────────────────────

/**
 * The client address as server.ts leaves it in X-Forwarded-For: the socket's own address, or —
 * behind a trusted proxy (TRUST_PROXY=true) — the last entry, the one that proxy appended. The
 * entries before it were sent by the client and prove nothing.
 */
export function clientAddressOf(forwardedFor: string | null | undefined): string | null {
  const last = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .pop();
  return last ?? null;
}

/** 127.0.0.0/8, ::1, and IPv4-mapped loopback. An unknown or unparsable address is not loopback. */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return false;
  return ipaddr.process(bare).range() === 'loopback';
}

// ── Granting admin rights ──────────────────────────────────────────────────────────────────────

/** How the caller proved who they are: a browser session, a person's API token, or WARROOM_ADMIN_TOKEN. */
export type AuthenticatedVia = 'session' | 'token' | 'admin-token';

/** The pseudo-user behind WARROOM_ADMIN_TOKEN (bootstrap and tests): no account row has this id. */
export const ADMIN_TOKEN_USER_ID = 'admin-token';

export type AccountActor = { isAdmin: boolean; via: AuthenticatedVia; scopes?: readonly string[] };

/** Managing accounts (invite, deactivate) needs an admin; an admin's own token needs the write scope. */
export function mayManageAccounts(actor: AccountActor): boolean {
  if (!actor.isAdmin) return false;
  return actor.via !== 'token' || (actor.scopes ?? []).includes('write');
}

/**
 * Admin rights (a new admin, an admin invitation, changing an admin's account) are granted only
 * by an admin signed in with a browser: a leaked token must not mint admins that outlive its
 * revocation. The one exception is bootstrap — WARROOM_ADMIN_TOKEN while no admin exists yet.
 */
export function adminGrantRefusal(actor: AccountActor, adminExists: boolean): string | null {
  if (actor.isAdmin && actor.via === 'session') return null;
  if (actor.via === 'admin-token' && !adminExists) return null;
  return actor.via === 'admin-token'
    ? 'An admin already exists: admin rights are granted by a signed-in admin on the Users screen, not with the admin token.'
    : 'Admin rights can only be granted by an admin signed in with a browser, never with an API token.';
}

// ── Invitations ────────────────────────────────────────────────────────────────────────────────

export const INVITATION_DAYS_DEFAULT = 7;
export const INVITATION_DAYS_MAX = 30;

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

export function invitationStatus(
  inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (inv.acceptedAt) return 'accepted';
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

/** What the invited person is told when a link no longer works. */
export const INVITATION_DEAD_MESSAGE: Record<Exclude<InvitationStatus, 'pending'>, string> = {
  accepted: 'This invitation has already been used. Sign in instead, or ask an admin for a new link.',
  expired: 'This invitation has expired. Ask an admin for a new link.',
  revoked: 'This invitation was withdrawn. Ask an admin for a new link if you still need an account.',
};
