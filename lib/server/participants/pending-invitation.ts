// No 'server-only' marker: server.ts loads this (through better-auth's hooks) outside Next.

/** Not used, not withdrawn, not expired: the rows a link or a first SSO sign-in may still take up. */
export const pendingWhere = (now = new Date()) => ({ acceptedAt: null, revokedAt: null, expiresAt: { gt: now } });
