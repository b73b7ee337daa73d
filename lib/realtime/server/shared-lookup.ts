/** Reads of one lane start at least this far apart; see sharedReads. */
export const READ_SPACING_MS = 20;

const spacing = () => new Promise<void>((resolve) => setTimeout(resolve, READ_SPACING_MS).unref());

type ReadMany<K, V> = (keys: K[]) => Promise<Map<K, V>>;

/**
 * One lane of shared reads. A caller never gets an answer read before it asked: when no read is
 * under way, its own starts at once with its key alone; otherwise it joins the next, which starts
 * when the current one has settled and READ_SPACING_MS have passed since it began, and asks for
 * the keys of everyone who arrived meanwhile in one `readMany`. So at most one read runs and one
 * gathers, however many ask: a crowd (a thousand tabs of one account, or a thousand people each
 * on their own token, reconnecting at once: hundreds a second) costs at most one read per 20 ms,
 * not a read each, and a lone caller never waits. Nothing is kept once a read settles, so this is
 * never a cache; a failure reaches the callers of that read only. `onIdle`: the lane has settled
 * with nobody waiting.
 *
 * It also suits reads that must see what the caller did just before asking (a subscription
 * joins its room, then reads what it missed): the read a caller gets starts after it asked.
 */
function lane<K, V>(readMany: ReadMany<K, V>, onIdle?: () => void): (key: K) => Promise<V | undefined> {
  let running: Promise<unknown> | null = null;
  let next: { keys: Set<K>; answer: Promise<Map<K, V>> } | null = null;
  const start = (keys: K[]): Promise<Map<K, V>> => {
    const answer = readMany(keys);
    const settled = Promise.all([answer.catch(() => undefined), spacing()]);
    running = settled;
    void settled.then(() => {
      if (running !== settled) return;
      running = null;
      if (!next) onIdle?.();
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

/**
 * Keys read together: callers arriving while a read runs are answered by the next one, which
 * asks for all their keys in one statement. `readMany` answers a value per key it found; a
 * missing key answers undefined.
 */
export function sharedReads<K, V>(readMany: ReadMany<K, V>): (key: K) => Promise<V | undefined> {
  return lane(readMany);
}

/**
 * A lane per key, for reads that cannot be asked for together (a cookie session through
 * better-auth, a deployment's access for one person): callers of one key share the next read of
 * it, and different keys never wait for each other. The first caller of a round reads for all of
 * it, so callers of one key must pass equivalent reads.
 */
export function sharedRead<K, T>(): (key: K, read: () => Promise<T>) => Promise<T> {
  const lanes = new Map<K, { ask: (key: K) => Promise<T | undefined>; nextRead: (() => Promise<T>) | null }>();
  return (key, read) => {
    let open = lanes.get(key);
    if (!open) {
      const fresh: { ask: (key: K) => Promise<T | undefined>; nextRead: (() => Promise<T>) | null } = {
        nextRead: null,
        // Called synchronously when a round starts: it takes the read of that round's first caller.
        ask: lane<K, T>(
          (keys) => {
            const reader = fresh.nextRead!;
            fresh.nextRead = null;
            return reader().then((value) => new Map(keys.map((k) => [k, value])));
          },
          () => lanes.delete(key),
        ),
      };
      lanes.set(key, fresh);
      open = fresh;
    }
    open.nextRead ??= read;
    return open.ask(key) as Promise<T>;
  };
}
