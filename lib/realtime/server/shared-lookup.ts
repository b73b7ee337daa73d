/**
 * Concurrent identical lookups share one: while a lookup for `key` is in flight, every other
 * caller asking for the same key gets its answer instead of starting its own. A crowd on one
 * credential (a thousand tabs of one account, or one integration's sockets, reconnecting at
 * once) costs one query, not a thousand queued on the pool. Nothing is kept once it settles: a
 * caller that arrives after the answer starts a fresh lookup, so this is never a cache — every
 * caller's answer was read while its own request was open.
 */
export function sharedLookup<K, T>(): (key: K, lookup: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<K, Promise<T>>();
  return (key, lookup) => {
    const running = inFlight.get(key);
    if (running) return running;
    const started = lookup().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}

/**
 * Like sharedLookup, but a caller only joins a read that has not started yet: the read starts
 * on the next turn of the event loop, after every caller of this turn asked. For reads that
 * must see everything committed before the caller asked — a subscription joins its room, then
 * reads what it missed — so an answer read before a caller's own join is never handed to it.
 */
export function batchedRead<K, T>(): (key: K, read: () => Promise<T>) => Promise<T> {
  const waiting = new Map<K, Promise<T>>();
  return (key, read) => {
    const batch = waiting.get(key);
    if (batch) return batch;
    const started = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      waiting.delete(key);
      return read();
    });
    waiting.set(key, started);
    return started;
  };
}
