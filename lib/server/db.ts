import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

// Next evaluates this module once per bundle (server.ts via tsx, route handlers, pages): keep one
// client per process on globalThis in every environment, or each bundle holds its own pool.
const globalForPrisma = globalThis as unknown as { __warroomPrisma?: PrismaClient; __warroomPrismaUrl?: string };

function createClient(url: string) {
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter });
}

export function getPrisma(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (server.ts sets it for the embedded database)');
  if (!globalForPrisma.__warroomPrisma || globalForPrisma.__warroomPrismaUrl !== url) {
    globalForPrisma.__warroomPrisma = createClient(url);
    globalForPrisma.__warroomPrismaUrl = url;
  }
  return globalForPrisma.__warroomPrisma;
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
