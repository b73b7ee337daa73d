import { clientAddressOf } from '@/lib/domain/accounts';
import { tokenBucket } from '@/lib/domain/rate-limit';
import { env } from '@/lib/server/env';
import { AppError } from '@/lib/server/errors';
import { appMetrics } from '@/lib/server/observability/app-metrics';
import { processSingletonFor } from '@/lib/server/singleton';

/** Throws 429 when this user made too many writes; WRITE_RATE_LIMIT=0 (or off) disables it. */
export function limitWrites(userId: string) {
  const perMinute = env().WRITE_RATE_LIMIT;
  if (perMinute <= 0) return;
  // One per process: every route bundle must count into the same buckets.
  const bucket = processSingletonFor('__warroomWriteLimiter', perMinute, () => tokenBucket(perMinute));
  const decision = bucket.take(userId, Date.now());
  if (decision.ok) return;
  appMetrics().rateLimited.inc();
  throw new AppError(
    'rate_limited',
    `Too many changes in a short time: wait ${decision.retryAfterSeconds} s and try again.`,
    {
      retryAfterSeconds: decision.retryAfterSeconds,
    },
  );
}

/**
 * Throws 429 when this client address called CI secret URLs too often (CI_CALLBACK_RATE_LIMIT a
 * minute, 0 or off disables). Counted before the secret is looked at, so guessing secrets costs
 * the same as using one; the address is the one server.ts leaves in X-Forwarded-For.
 */
export function limitCiCallbacks(headers: Headers) {
  const perMinute = env().CI_CALLBACK_RATE_LIMIT;
  if (perMinute <= 0) return;
  const bucket = processSingletonFor('__warroomCiCallbackLimiter', perMinute, () => tokenBucket(perMinute));
  const address = clientAddressOf(headers.get('x-forwarded-for')) ?? 'unknown';
  const decision = bucket.take(address, Date.now());
  if (decision.ok) return;
  appMetrics().rateLimited.inc();
  throw new AppError(
    'rate_limited',
    `Too many calls to CI check URLs: wait ${decision.retryAfterSeconds} s and try again.`,
    {
      retryAfterSeconds: decision.retryAfterSeconds,
    },
  );
}
