import { once } from 'node:events';
import type { Redis } from 'ioredis';
import { tokenBucket, type RateDecision } from '@/lib/domain/rate-limit';
import { env } from '@/lib/server/env';
import { AppError } from '@/lib/server/errors';
import { logger } from '@/lib/server/logger';
import { appMetrics } from '@/lib/server/observability/app-metrics';
import { redisNamespace } from '@/lib/server/redis-namespace';
import { processSingleton, processSingletonFor } from '@/lib/server/singleton';

/** How many requests a bucket holds and how long it takes to fill again from empty. */
export type Limit = { capacity: number; periodMs: number };

/**
 * The token bucket of lib/domain/rate-limit.ts, in Redis: one script, so processes taking from one
 * bucket at the same moment cannot both take its last token, and Redis's clock, so the processes'
 * own clocks do not matter. A bucket left alone for `periodMs` is full again, so it expires then.
 * Returns {1, 0} when a token was taken, else {0, seconds until one is back}.
 */
const TAKE = `
local capacity = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local held = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(held[1]) or capacity
local at = tonumber(held[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * capacity / period)
local taken, retry = 0, 0
if tokens >= 1 then
  tokens = tokens - 1
  taken = 1
else
  retry = math.max(1, math.ceil((1 - tokens) * period / capacity / 1000))
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], period)
return {taken, retry}
`;

const CONNECT_WAIT_MS = 1000;

type LimiterRedis = Redis & {
  takeToken: (key: string, capacity: number, periodMs: number) => Promise<[number, number]>;
};

/** The limits' own connection: it never queues or retries a command, so a Redis outage costs nothing. */
async function connect(url: string): Promise<LimiterRedis> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 500 });
  client.on('error', () => undefined); // reported once per outage by takeToken
  client.defineCommand('takeToken', { numberOfKeys: 1, lua: TAKE });
  // Commands sent before the connection is up would fail (no offline queue): the first requests
  // wait for it, a moment at most, rather than each process counting them on its own.
  await Promise.race([once(client, 'ready'), new Promise((resolve) => setTimeout(resolve, CONNECT_WAIT_MS).unref())]);
  return client as LimiterRedis;
}

const redisFor = (url: string | undefined) =>
  processSingletonFor('__warroomRateLimitRedis', url, () => (url ? connect(url) : null));

/** Each installation's buckets in its own namespace (see redis-namespace.ts). */
const bucketKey = (slot: string, key: string) => `${redisNamespace()}:rate:${slot}:${key}`;

const outage = () => processSingleton('__warroomRateLimitOutage', () => ({ reported: false }));

/**
 * Takes one request from `key`'s bucket in `slot`. With REDIS_URL the bucket is shared by every
 * process (behind a load balancer a limit per process would be one per process); without it, or
 * while Redis is unreachable, each process keeps its own, so a limit always holds at least per
 * process.
 */
export async function takeToken(slot: string, key: string, limit: Limit): Promise<RateDecision> {
  const redis = redisFor(env().REDIS_URL);
  if (redis) {
    try {
      const [taken, retryAfterSeconds] = await (
        await redis
      ).takeToken(bucketKey(slot, key), limit.capacity, limit.periodMs);
      outage().reported = false;
      return taken === 1 ? { ok: true } : { ok: false, retryAfterSeconds };
    } catch (error) {
      if (!outage().reported) logger.warn('rate_limit.redis_unavailable', { message: (error as Error).message });
      outage().reported = true;
    }
  }
  const local = processSingletonFor(`__warroomRateLimit:${slot}`, `${limit.capacity}/${limit.periodMs}`, () =>
    tokenBucket(limit.capacity, 10_000, limit.periodMs),
  );
  return local.take(key, Date.now());
}

/** Takes from the limit's bucket (shared by the processes through Redis, see takeToken): 429 when empty. */
export async function takeOrRefuse(slot: string, limit: Limit, key: string, tooMany: (seconds: number) => string) {
  const decision = await takeToken(slot, key, limit);
  if (decision.ok) return;
  appMetrics().rateLimited.inc();
  throw new AppError('rate_limited', tooMany(decision.retryAfterSeconds), {
    retryAfterSeconds: decision.retryAfterSeconds,
  });
}
