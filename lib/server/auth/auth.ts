import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { genericOAuth } from 'better-auth/plugins';
import { getPrisma } from '@/lib/server/db';
import { passwordSignInEnabled, SSO_PROVIDER_ID, ssoProviderConfig, ssoAdminDecisionsPending, ssoSettings, takeSsoAdminDecision, validateSsoUser } from './sso';

function trustedOrigins(): string[] {
  const port = process.env.PORT ?? '3000';
  const extra = (process.env.TRUSTED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`, ...extra];
}

/** Until invitations exist, only ALLOWED_EMAIL_DOMAINS admits a first SSO sign-in. */
const hasPendingInvitation = async (_email: string) => false;

function createAuth() {
  const sso = ssoSettings();
  return betterAuth({
    database: prismaAdapter(getPrisma(), { provider: 'postgresql' }),
    secret: process.env.BETTER_AUTH_SECRET,
    baseURL: process.env.BETTER_AUTH_URL,
    trustedOrigins: trustedOrigins(),
    emailAndPassword: { enabled: passwordSignInEnabled(), minPasswordLength: 8, autoSignIn: true },
    // The operator's IdP vouches for its emails: an SSO sign-in joins the account with that email.
    account: { accountLinking: { enabled: true, trustedProviders: sso ? [SSO_PROVIDER_ID] : [] } },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            const isAdmin = takeSsoAdminDecision(user.email);
            return isAdmin === undefined ? undefined : { data: { ...user, isAdmin } };
          },
        },
      },
      session: {
        create: {
          before: async (session) => {
            if (!ssoAdminDecisionsPending()) return;
            const user = await getPrisma().user.findUnique({ where: { id: session.userId }, select: { email: true } });
            const isAdmin = user ? takeSsoAdminDecision(user.email) : undefined;
            if (isAdmin !== undefined) await getPrisma().user.update({ where: { id: session.userId }, data: { isAdmin } });
          },
        },
      },
    },
    user: {
      validateUserInfo: ({ user, source }) => validateSsoUser(user, source, hasPendingInvitation),
      additionalFields: { isAdmin: { type: 'boolean', defaultValue: false, input: false } },
    },
    // An OAuth callback that fails before it knows the sign-in's own error page (a forged or
    // expired state) lands on the same page as a refused one.
    onAPIError: { errorURL: '/sign-in/refused' },
    session: { cookieCache: { enabled: false } },
    rateLimit: {
      enabled: process.env.AUTH_RATE_LIMIT !== 'off',
      window: 60,
      max: 100,
      customRules: { '/sign-in/email': { window: 60, max: 10 } },
    },
    plugins: [...(sso ? [genericOAuth({ config: [ssoProviderConfig(sso)] })] : []), nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { __warroomAuth?: Auth };

/** One instance per process, created after server.ts has settled DATABASE_URL and the secret. */
export function getAuth(): Auth {
  globalForAuth.__warroomAuth ??= createAuth();
  return globalForAuth.__warroomAuth;
}
