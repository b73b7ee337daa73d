import { tokenBucket, type TokenBucket } from '@/lib/domain/rate-limit';
import { AppError } from '@/lib/server/errors';
import { appMetrics } from '@/lib/server/observability/app-metrics';
import { env } from '@/lib/server/env';

// Per process and on globalThis: every route bundle must count into the same buckets.
const globalForLimiter = globalThis as unknown as { __warroomWriteLimiter?: { perMinute: number; bucket: TokenBucket } };

/** Throws 429 when this user made too many writes; WRITE_RATE_LIMIT=0 (or off) disables it. */
export function limitWrites(userId: string) {
  // Default 600 a minute: far above what people click, well below a runaway loop.
  const perMinute = env().WRITE_RATE_LIMIT;
  if (perMinute <= 0) return;
  let limiter = globalForLimiter.__warroomWriteLimiter;
  if (!limiter || limiter.perMinute !== perMinute) limiter = globalForLimiter.__warroomWriteLimiter = { perMinute, bucket: tokenBucket(perMinute) };
  const decision = limiter.bucket.take(userId, Date.now());
  if (decision.ok) return;
  appMetrics().rateLimited.inc();
  throw new AppError('rate_limited', `Too many changes in a short time: wait ${decision.retryAfterSeconds} s and try again.`, {
    retryAfterSeconds: decision.retryAfterSeconds,
  });
}
