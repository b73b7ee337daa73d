import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { genericOAuth } from 'better-auth/plugins';
import { signUpRefusal } from '@/lib/domain/accounts';
import { signUpPolicy } from '@/lib/server/auth/sign-up-policy';
import { getPrisma } from '@/lib/server/db';
import { env } from '@/lib/server/env';
import { takeToken } from '@/lib/server/http/shared-rate-limit';
import { processSingleton } from '@/lib/server/singleton';
import { applySsoAdminGroup, recordSelfMadeAccount } from '@/lib/server/users/account-events';
import { acceptInvitationBySso, hasPendingInvitation } from '@/lib/server/users/sso-invitations';
import {
  passwordSignInEnabled,
  SSO_PROVIDER_ID,
  ssoAdminDecisionsPending,
  ssoProviderConfig,
  ssoSettings,
  takeSsoAdminDecision,
  validateSsoUser,
} from './sso';

function trustedOrigins(): string[] {
  const { PORT: port, TRUSTED_ORIGINS: extra } = env();
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`, ...extra];
}

function createAuth() {
  const sso = ssoSettings();
  return betterAuth({
    database: prismaAdapter(getPrisma(), { provider: 'postgresql' }),
    secret: env().BETTER_AUTH_SECRET,
    baseURL: env().BETTER_AUTH_URL,
    trustedOrigins: trustedOrigins(),
    emailAndPassword: { enabled: passwordSignInEnabled(), minPasswordLength: 8, autoSignIn: true },
    // The operator's IdP vouches for its emails: an SSO sign-in joins the account with that email.
    account: { accountLinking: { enabled: true, trustedProviders: sso ? [SSO_PROVIDER_ID] : [] } },
    user: {
      validateUserInfo: ({ user, source }) => validateSsoUser(user, source, hasPendingInvitation),
      additionalFields: {
        isAdmin: { type: 'boolean', defaultValue: false, input: false },
        deactivatedAt: { type: 'date', required: false, input: false },
      },
    },
    // The route (app/api/auth/[...all]) answers these first with our error shape; these hooks
    // hold the same rules for any other way into better-auth (server-side calls, later routes).
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (!ctx.path.startsWith('/sign-up')) return;
        const refusal = signUpRefusal(signUpPolicy(), (ctx.body as { email?: unknown } | undefined)?.email);
        if (refusal) throw new APIError('FORBIDDEN', { code: refusal.code, message: refusal.message });
      }),
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            const isAdmin = takeSsoAdminDecision(user.email);
            return isAdmin === undefined ? undefined : { data: { ...user, isAdmin } };
          },
          // A first SSO sign-in admitted by an invitation uses it up (and takes its admin flag);
          // any other account made here is one someone made for themselves: the history says so.
          after: async (user, context) => {
            const sso = context?.path?.startsWith('/callback/') ?? false;
            if (sso && (await acceptInvitationBySso(user.id, user.email))) return;
            await recordSelfMadeAccount(user, sso ? 'sso' : 'sign-up');
          },
        },
      },
      session: {
        create: {
          // A deactivated account gets no new session, however it got past the sign-in guard; an
          // SSO sign-in applies the admin group its IdP has just asserted.
          before: async (session, context) => {
            const user = await getPrisma().user.findUnique({
              where: { id: session.userId },
              select: { id: true, deactivatedAt: true, email: true, isAdmin: true },
            });
            if (!user || user.deactivatedAt) return false;
            const isAdmin = ssoAdminDecisionsPending() ? takeSsoAdminDecision(user.email) : undefined;
            if (isAdmin !== undefined) await applySsoAdminGroup(user, isAdmin);
            // A session born of an SSO callback remembers who the provider said this was.
            if (sso && context?.path?.startsWith('/callback/')) {
              const account = await getPrisma().account.findFirst({
                where: { userId: session.userId, providerId: SSO_PROVIDER_ID },
                select: { accountId: true },
              });
              if (account) return { data: { ...session, ssoIssuer: sso.issuer, ssoSubject: account.accountId } };
            }
          },
        },
      },
    },
    // An OAuth callback that fails before it knows the sign-in's own error page (a forged or
    // expired state) lands on the same page as a refused one.
    onAPIError: { errorURL: '/sign-in/refused' },
    session: {
      cookieCache: { enabled: false },
      additionalFields: {
        ssoIssuer: { type: 'string', required: false, input: false },
        ssoSubject: { type: 'string', required: false, input: false },
      },
    },
    rateLimit: {
      enabled: env().AUTH_RATE_LIMIT,
      window: 60,
      max: 100,
      customRules: { '/sign-in/email': { window: 60, max: 10 } },
      // The same buckets as War Room's own limits: shared by every process through Redis, so
      // guessing passwords across processes behind a load balancer counts once (takeToken).
      customStorage: {
        consume: async (key, rule) => {
          const decision = await takeToken('auth', key, { capacity: rule.max, periodMs: rule.window * 1000 });
          return decision.ok
            ? { allowed: true, retryAfter: null }
            : { allowed: false, retryAfter: decision.retryAfterSeconds };
        },
      },
    },
    plugins: [...(sso ? [genericOAuth({ config: [ssoProviderConfig(sso)] })] : []), nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;

/** One instance per process, created after server.ts has settled DATABASE_URL and the secret. */
export function getAuth(): Auth {
  return processSingleton('__warroomAuth', createAuth);
}
