import { describe, expect, it } from 'vitest';
import { tokenBucket } from './rate-limit';

describe('tokenBucket', () => {
  it('allows a burst of the per-minute number, then refills steadily', () => {
    const bucket = tokenBucket(3);
    expect([0, 0, 0].map((t) => bucket.take('ann', t).ok)).toEqual([true, true, true]);
    expect(bucket.take('ann', 0)).toEqual({ ok: false, retryAfterSeconds: 20 });
    // Another person has their own bucket.
    expect(bucket.take('bob', 0).ok).toBe(true);
    // One token back every 20 s.
    expect(bucket.take('ann', 19_000).ok).toBe(false);
    expect(bucket.take('ann', 21_000).ok).toBe(true);
  });

  it('forgets full buckets when it holds too many keys', () => {
    const bucket = tokenBucket(60, 2);
    bucket.take('a', 0);
    bucket.take('b', 0);
    bucket.take('c', 120_000);
    expect(bucket.size()).toBe(1);
  });
});
