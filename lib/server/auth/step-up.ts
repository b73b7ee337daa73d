import 'server-only';
import { needsReauth, type IdentityEvidence } from '@/lib/domain/identity';
import { env } from '@/lib/server/env';
import { AppError } from '@/lib/server/errors';
import { sql } from '@/lib/server/sql';
import { getAuth } from './auth';
import type { SignedInActor } from './get-actor';
import { ssoSignInOption } from './sso';

type SessionProof = { at: Date | null; ssoIssuer: string | null; ssoSubject: string | null };

/** When this session last proved who it is (a re-authentication's stamp, else its sign-in), and through which SSO. */
async function sessionProof(sessionId: string): Promise<SessionProof | undefined> {
  const [row] =
    await sql<SessionProof>`SELECT coalesce("authenticatedAt", "createdAt") AS "at", "ssoIssuer", "ssoSubject" FROM "session" WHERE "id" = ${sessionId}`;
  return row;
}

/**
 * Before a GO / NO-GO or an override: a browser session older than SIGNOFF_REAUTH_MIN minutes is
 * refused with `reauth_required` (the page asks for the password and retries); API tokens pass.
 * Returns the identity evidence the decision records.
 */
export async function requireRecentAuth(actor: SignedInActor, now = new Date()): Promise<IdentityEvidence> {
  const auth = actor.auth;
  if (!auth) return { method: 'password', at: null, ip: null, userAgent: null };
  if (auth.kind === 'token')
    return {
      method: 'token',
      tokenId: auth.tokenId,
      tokenName: auth.tokenName,
      at: null,
      ip: auth.ip,
      userAgent: auth.userAgent,
    };
  const proof = await sessionProof(auth.sessionId);
  const at = proof?.at ?? auth.signedInAt;
  const minutes = env().SIGNOFF_REAUTH_MIN;
  if (needsReauth(at, now, minutes)) {
    const sso = proof?.ssoIssuer ? ssoSignInOption() : null;
    if (sso && 'label' in sso) {
      throw new AppError(
        'reauth_required',
        `Confirm it is you: you last signed in with ${sso.label} more than ${minutes} minutes ago. Sign in with it again to record this decision.`,
        { maxAgeMinutes: minutes, sso: { label: sso.label } },
      );
    }
    throw new AppError(
      'reauth_required',
      `Confirm it is you: you last entered your password more than ${minutes} minutes ago. Enter it again to record this decision.`,
      { maxAgeMinutes: minutes },
    );
  }
  if (proof?.ssoIssuer && proof.ssoSubject)
    return {
      method: 'sso',
      issuer: proof.ssoIssuer,
      subject: proof.ssoSubject,
      at: at.toISOString(),
      ip: auth.ip,
      userAgent: auth.userAgent,
    };
  return { method: 'password', at: at.toISOString(), ip: auth.ip, userAgent: auth.userAgent };
}

/** Checks the signed-in person's password with better-auth and stamps the session's authentication time. */
export async function reauthenticate(
  actor: SignedInActor,
  headers: Headers,
  password: string,
): Promise<{ authenticatedAt: string }> {
  if (actor.auth?.kind !== 'session')
    throw new AppError('forbidden', 'Re-authentication is for browser sessions; API tokens need no step-up.');
  try {
    await getAuth().api.verifyPassword({ body: { password }, headers });
  } catch {
    throw new AppError('invalid_password', 'That password is not right. Nothing was recorded; try again.');
  }
  const [row] = await sql<{
    at: Date;
  }>`UPDATE "session" SET "authenticatedAt" = now() WHERE "id" = ${actor.auth.sessionId} RETURNING "authenticatedAt" AS "at"`;
  return { authenticatedAt: (row?.at ?? new Date()).toISOString() };
}
