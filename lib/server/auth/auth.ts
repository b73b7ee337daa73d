import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
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
      additionalFields: { isAdmin: { type: 'boolean', defaultValue: false, input: false } },
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
