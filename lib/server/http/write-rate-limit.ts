import { clientAddressOf } from '@/lib/domain/accounts';
import { tokenBucket } from '@/lib/domain/rate-limit';
import { env } from '@/lib/server/env';
import { AppError } from '@/lib/server/errors';
import { appMetrics } from '@/lib/server/observability/app-metrics';
import { processSingletonFor } from '@/lib/server/singleton';

/** One token bucket per limit and process (every route bundle must count into the same buckets): 429 when empty. */
function take(slot: string, perMinute: number, key: string, tooMany: (seconds: number) => string) {
  if (perMinute <= 0) return;
  const bucket = processSingletonFor(slot, perMinute, () => tokenBucket(perMinute));
  const decision = bucket.take(key, Date.now());
  if (decision.ok) return;
  appMetrics().rateLimited.inc();
  throw new AppError('rate_limited', tooMany(decision.retryAfterSeconds), {
    retryAfterSeconds: decision.retryAfterSeconds,
  });
}

/** Throws 429 when this user made too many writes; WRITE_RATE_LIMIT=0 (or off) disables it. */
export function limitWrites(userId: string) {
  take(
    '__warroomWriteLimiter',
    env().WRITE_RATE_LIMIT,
    userId,
    (s) => `Too many changes in a short time: wait ${s} s and try again.`,
  );
}

/**
 * Throws 429 when this client address called CI secret URLs too often (CI_CALLBACK_RATE_LIMIT a
 * minute, 0 or off disables). Counted before the secret is looked at, so guessing secrets costs
 * the same as using one; the address is the one server.ts leaves in X-Forwarded-For.
 */
export function limitCiCallbacks(headers: Headers) {
  take(
    '__warroomCiCallbackLimiter',
    env().CI_CALLBACK_RATE_LIMIT,
    clientAddressOf(headers.get('x-forwarded-for')) ?? 'unknown',
    (s) => `Too many calls to CI check URLs: wait ${s} s and try again.`,
  );
}
