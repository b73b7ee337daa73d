import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/server/env';
import { processSingletonFor } from '@/lib/server/singleton';

// Next evaluates this module once per bundle (server.ts via tsx, route handlers, pages): keep one
// client per process in every environment, or each bundle holds its own pool.
function ensureClient() {
  const { DATABASE_URL: url, DB_POOL_SIZE } = env();
  if (!url) throw new Error('DATABASE_URL is not set (server.ts sets it for the embedded database)');
  return processSingletonFor('__warroomPrisma', url, () => {
    // One pool for Prisma and for the plain SQL of the hot path (lib/server/sql.ts): the embedded
    // database takes exactly one connection, and a second pool would double the connections.
    const pool = new pg.Pool({ connectionString: url, max: DB_POOL_SIZE });
    // An idle connection the server dropped (a restart) must not crash the process.
    pool.on('error', () => undefined);
    return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) };
  });
}

export function getPrisma(): PrismaClient {
  return ensureClient().prisma;
}

/** The connection pool under Prisma, for lib/server/sql.ts. */
export function getPool(): pg.Pool {
  return ensureClient().pool;
}

/** Lazily bound so importing a module never connects (and never captures a stale DATABASE_URL). */
export const prisma = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property, client);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
