import { env } from '@/lib/server/env';
import { processSingletonFor } from '@/lib/server/singleton';

/**
 * What one installation's keys and channels in Redis begin with, so installations sharing one
 * Redis stay apart. A staging install made from a copy of production's database holds the same
 * deployment ids: with one namespace for both, production's live events reached staging's
 * watchers of the same war room (tests/integration/redis-namespace.test.ts). The default names
 * the database (server, port and name), which every process of one installation shares;
 * REDIS_PREFIX says it outright, for processes that reach one database by different addresses.
 */
export function redisNamespaceOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const host = url.hostname || url.searchParams.get('host') || 'localhost';
  return `warroom:${host}:${url.port || '5432'}/${decodeURIComponent(url.pathname.slice(1)) || 'postgres'}`;
}

/** This process's namespace; read on every rate-limited write, so worked out once per setting. */
export function redisNamespace(): string {
  const { REDIS_PREFIX, DATABASE_URL } = env();
  const setting = REDIS_PREFIX ?? DATABASE_URL ?? 'postgresql://localhost/warroom';
  return processSingletonFor('__warroomRedisNamespace', setting, () =>
    REDIS_PREFIX ? REDIS_PREFIX : redisNamespaceOf(setting),
  );
}
