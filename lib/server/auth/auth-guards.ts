import 'server-only';
import { clientAddressOf, isLoopbackAddress, signUpRefusal } from '@/lib/domain/accounts';
import { signUpPolicy } from '@/lib/server/auth/sign-up-policy';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { readLimited } from '@/lib/server/http/read-limited';
import { refuseNul } from '@/lib/server/http/route';
import { DEMO_PASSWORD } from '@/lib/server/seed/demo-template';

/** The largest sign-in or sign-up body we look into (better-auth applies its own rules after). */
const AUTH_BODY_LIMIT = 16 * 1024;

/** Is this request from the machine itself? Read the way server.ts leaves X-Forwarded-For. */
export function isLoopbackRequest(headers: Headers): boolean {
  return isLoopbackAddress(clientAddressOf(headers.get('x-forwarded-for')));
}

/** The body as an object, read from a copy (better-auth reads the original); a NUL is refused. */
async function peekJson(request: Request): Promise<Record<string, unknown>> {
  const text = await readLimited(
    request.clone().body,
    AUTH_BODY_LIMIT,
    () => new AppError('payload_too_large', `The body is larger than ${AUTH_BODY_LIMIT / 1024} KB.`),
  );
  refuseNul(text, true);
  try {
    const parsed: unknown = JSON.parse(text || '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Our rules in front of better-auth's own endpoints (app/api/auth/[...all]): self sign-up is
 * closed unless ALLOW_SIGN_UP says otherwise (and then only for ALLOWED_EMAIL_DOMAINS); the demo
 * accounts' published password works only from the machine itself; a deactivated account cannot
 * sign in. Throws the AppError to answer with; returns when better-auth may go ahead.
 */
export async function guardAuthRequest(request: Request): Promise<void> {
  if (request.method !== 'POST') return;
  const path = new URL(request.url).pathname.replace(/^\/api\/auth/, '');
  // Every write better-auth takes (a new name, a password) is looked into: a NUL would fail it as a 500.
  const body = await peekJson(request);
  if (path.startsWith('/sign-up')) {
    const refusal = signUpRefusal(signUpPolicy(), body.email);
    if (refusal) throw new AppError(refusal.code, refusal.message);
    return;
  }
  if (path === '/sign-in/email') {
    if (body.password === DEMO_PASSWORD && !isLoopbackRequest(request.headers)) {
      throw new AppError(
        'demo_account_remote',
        'This account still has the published demo password, which works only on the machine running War Room. An admin must set real passwords (or invite people) before others sign in from the network.',
      );
    }
    if (typeof body.email === 'string') {
      const user = await prisma.user.findUnique({
        where: { email: body.email.trim().toLowerCase() },
        select: { deactivatedAt: true },
      });
      if (user?.deactivatedAt)
        throw new AppError(
          'account_deactivated',
          'This account has been deactivated. Ask an admin if you need it back.',
        );
    }
  }
}
