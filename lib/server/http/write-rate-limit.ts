import { clientAddressOf } from '@/lib/domain/accounts';
import { env } from '@/lib/server/env';
import { takeOrRefuse, type Limit } from './shared-rate-limit';

const perMinute = (count: number): Limit => ({ capacity: count, periodMs: 60_000 });

/** Throws 429 when this user made too many writes; WRITE_RATE_LIMIT=0 (or off) disables it. */
export async function limitWrites(userId: string) {
  if (env().WRITE_RATE_LIMIT <= 0) return;
  await takeOrRefuse(
    'writes',
    perMinute(env().WRITE_RATE_LIMIT),
    userId,
    (s) => `Too many changes in a short time: wait ${s} s and try again.`,
  );
}

/**
 * Throws 429 when this client address called CI secret URLs too often (CI_CALLBACK_RATE_LIMIT a
 * minute, 0 or off disables). Counted before the secret is looked at, so guessing secrets costs
 * the same as using one; the address is the one server.ts leaves in X-Forwarded-For.
 */
export async function limitCiCallbacks(headers: Headers) {
  if (env().CI_CALLBACK_RATE_LIMIT <= 0) return;
  await takeOrRefuse(
    'ci-callbacks',
    perMinute(env().CI_CALLBACK_RATE_LIMIT),
    clientAddressOf(headers.get('x-forwarded-for')) ?? 'unknown',
    (s) => `Too many calls to CI check URLs: wait ${s} s and try again.`,
  );
}
