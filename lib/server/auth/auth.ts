import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { parseSignUpPolicy, signUpRefusal } from '@/lib/domain/accounts';
import { getPrisma } from '@/lib/server/db';

function trustedOrigins(): string[] {
  const port = process.env.PORT ?? '3000';
  const extra = (process.env.TRUSTED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`, ...extra];
}

function createAuth() {
  return betterAuth({
    database: prismaAdapter(getPrisma(), { provider: 'postgresql' }),
    secret: process.env.BETTER_AUTH_SECRET,
    baseURL: process.env.BETTER_AUTH_URL,
    trustedOrigins: trustedOrigins(),
    emailAndPassword: { enabled: true, minPasswordLength: 8, autoSignIn: true },
    user: {
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
        const refusal = signUpRefusal(parseSignUpPolicy({ ALLOW_SIGN_UP: process.env.ALLOW_SIGN_UP, ALLOWED_EMAIL_DOMAINS: process.env.ALLOWED_EMAIL_DOMAINS }), (ctx.body as { email?: unknown } | undefined)?.email);
        if (refusal) throw new APIError('FORBIDDEN', { code: refusal.code, message: refusal.message });
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated account gets no new session, however it got past the sign-in guard.
          before: async (session) => {
            const user = await getPrisma().user.findUnique({ where: { id: session.userId }, select: { deactivatedAt: true } });
            return user && !user.deactivatedAt ? undefined : false;
          },
        },
      },
    },
    session: { cookieCache: { enabled: false } },
    rateLimit: {
      enabled: process.env.AUTH_RATE_LIMIT !== 'off',
      window: 60,
      max: 100,
      customRules: { '/sign-in/email': { window: 60, max: 10 } },
    },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { __warroomAuth?: Auth };

/** One instance per process, created after server.ts has settled DATABASE_URL and the secret. */
export function getAuth(): Auth {
  globalForAuth.__warroomAuth ??= createAuth();
  return globalForAuth.__warroomAuth;
}
