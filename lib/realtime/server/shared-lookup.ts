/** Reads of one key start at least this far apart; see sharedRead. */
export const READ_SPACING_MS = 20;

/**
 * Callers share the next read of a key. A caller never gets an answer read before it asked: when
 * no read of its key is under way, its own starts at once; otherwise it waits for the one after,
 * which starts when the current one has settled and READ_SPACING_MS have passed since it began,
 * and answers everyone who arrived meanwhile. So at most one read per key runs and one waits,
 * however many ask: a crowd on one credential (a thousand tabs of one account, or an
 * integration's sockets, reconnecting at once: hundreds a second) costs at most one read per
 * 20 ms, not a read each, and a lone caller never waits. Nothing is kept once a read settles,
 * so this is never a cache; a failure reaches the callers of that read only.
 *
 * It also suits reads that must see what the caller did just before asking (a subscription
 * joins its room, then reads what it missed): the read a caller gets starts after it asked.
 */
const spacing = () => new Promise<void>((resolve) => setTimeout(resolve, READ_SPACING_MS).unref());

export function sharedRead<K, T>(): (key: K, read: () => Promise<T>) => Promise<T> {
  const running = new Map<K, Promise<unknown>>();
  const waiting = new Map<K, Promise<T>>();
  const start = (key: K, read: () => Promise<T>): Promise<T> => {
    waiting.delete(key);
    const answer = read();
    const settled = Promise.all([answer.catch(() => undefined), spacing()]);
    running.set(key, settled);
    void settled.then(() => {
      if (running.get(key) === settled) running.delete(key);
    });
    return answer;
  };
  return (key, read) => {
    const next = waiting.get(key);
    if (next) return next;
    const current = running.get(key);
    if (!current) return start(key, read);
    const queued = current.then(() => start(key, read));
    waiting.set(key, queued);
    return queued;
  };
}

/**
 * sharedRead across keys: a crowd of different keys (a thousand people, each on their own token)
 * is read in one statement. The first caller's read starts at once with its key alone; callers
 * arriving while a read runs gather into the next, which asks for all their keys together when
 * the running one has settled and READ_SPACING_MS have passed. `readMany` answers a value per
 * key it found; a missing key answers undefined.
 */
export function sharedReads<K, V>(readMany: (keys: K[]) => Promise<Map<K, V>>): (key: K) => Promise<V | undefined> {
  let running: Promise<unknown> | null = null;
  let next: { keys: Set<K>; answer: Promise<Map<K, V>> } | null = null;
  const start = (keys: K[]): Promise<Map<K, V>> => {
    const answer = readMany(keys);
    const settled = Promise.all([answer.catch(() => undefined), spacing()]);
    running = settled;
    void settled.then(() => {
      if (running === settled) running = null;
    });
    return answer;
  };
  return async (key) => {
    if (!running) return (await start([key])).get(key);
    if (!next) {
      const keys = new Set<K>();
      next = {
        keys,
        answer: running.then(() => {
          next = null;
          return start([...keys]);
        }),
      };
    }
    next.keys.add(key);
    return (await next.answer).get(key);
  };
}
