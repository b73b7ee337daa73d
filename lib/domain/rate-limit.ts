/**
 * A token bucket per key (a user): `perMinute` writes on average, bursts up to the same number.
 * With `periodMs`, the same over another period (`perMinute` then counts per period: 5 an hour).
 * Generous by design — it stops a runaway script or a stuck retry loop, not a busy IC.
 * The clock is passed in so the rule is testable without waiting.
 */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export type TokenBucket = { take: (key: string, nowMs: number) => RateDecision; size: () => number };

type Bucket = { tokens: number; at: number };

export function tokenBucket(perMinute: number, maxKeys = 10_000, periodMs = 60_000): TokenBucket {
  const capacity = Math.max(1, perMinute);
  const refillPerMs = capacity / periodMs;
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, now: number) => {
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * refillPerMs);
    bucket.at = now;
  };

  return {
    take(key, now) {
      let bucket = buckets.get(key);
      if (!bucket) {
        // Bounded memory: full buckets carry no information, so they are the ones to forget.
        if (buckets.size >= maxKeys) {
          for (const [k, b] of buckets) {
            refill(b, now);
            if (b.tokens >= capacity) buckets.delete(k);
          }
        }
        bucket = { tokens: capacity, at: now };
        buckets.set(key, bucket);
      }
      refill(bucket, now);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
    },
    size: () => buckets.size,
  };
}
