import { hashToken } from '@/lib/server/auth/tokens';
import { prisma } from '@/lib/server/db';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { ACTORS } from './actors';
import type { CaseTable } from './case';
import { pendingInvitation } from './row-helpers';

/** Rows for accounts: sign-in, step-up, users, invitations to the app, and API tokens. */

export const ACCOUNT_CASES: CaseTable = {
  'POST /api/auth/[...all]': { skip: 'better-auth sign-in/out; its rate limit is tested on its own' },
  // Step-up is for browser sessions: every token is refused (the reauth test covers sessions).
  'POST /api/session/reauth': {
    allow: [],
    prepare: async () => ({ path: '/api/session/reauth', body: { password: 'correct-horse-battery' } }),
  },
  'POST /api/users': {
    allow: ['admin'],
    prepare: async () => ({
      path: '/api/users',
      body: {
        email: `m-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`,
        name: 'New',
        password: 'long-enough-pw',
      },
    }),
  },
  // Admin rights need an admin signed in with a browser: no token may grant them (accounts.test
  // checks the cookie path and the bootstrap). An admin exists first, so the admin token is no bootstrap.
  'POST /api/users (isAdmin: true)': {
    allow: [],
    prepare: async () => (
      await makeUser({ isAdmin: true }),
      {
        path: '/api/users',
        body: {
          email: `a-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`,
          name: 'New Admin',
          password: 'long-enough-pw',
          isAdmin: true,
        },
      }
    ),
  },
  // Accounts by invitation (accounts.test has the cookie paths, the admin flag and the states).
  'POST /api/invitations': {
    allow: ['admin'],
    prepare: async () => ({
      path: '/api/invitations',
      body: { email: `i-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test` },
    }),
  },
  'POST /api/invitations (isAdmin: true)': {
    allow: [],
    prepare: async () => (
      await makeUser({ isAdmin: true }),
      {
        path: '/api/invitations',
        body: { email: `ia-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`, isAdmin: true },
      }
    ),
  },
  'DELETE /api/invitations/[id]': {
    allow: ['admin'],
    prepare: async () => ({ path: `/api/invitations/${(await pendingInvitation()).id}` }),
  },
  // The link is the credential: whoever holds it may accept, signed in or not.
  'POST /api/invitations/[id]/accept': {
    allow: ACTORS,
    prepare: async () => ({
      path: `/api/invitations/${(await pendingInvitation()).token}/accept`,
      body: { name: 'Invited', password: 'long-enough-pw' },
    }),
  },
  'PATCH /api/users/[id]': {
    allow: ['admin'],
    prepare: async () => ({ path: `/api/users/${(await makeUser()).id}`, body: { active: false } }),
  },
  // Tokens are made with a signed-in session only (security.test checks that path).
  'POST /api/tokens': {
    allow: [],
    prepare: async () => ({ path: '/api/tokens', body: { name: 'x', scopes: ['read'] } }),
  },
  'DELETE /api/tokens/[tokenId]': {
    allow: ['ic'],
    alsoRefusedAs: [404],
    prepare: async (crew) => {
      const spare = await makeToken(crew.people.users.ic.id);
      const row = await prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(spare) } });
      return { path: `/api/tokens/${row.id}` };
    },
  },
};
