import { describe, expect, it } from 'vitest';
import { sharedRead, sharedReads } from '@/lib/realtime/server/shared-lookup';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('sharedRead', () => {
  it('starts the first caller’s read at once, and gives other keys their own', async () => {
    const shared = sharedRead<string, string>();
    const calls: string[] = [];
    const a = shared('a', async () => (calls.push('a'), 'A'));
    const b = shared('b', async () => (calls.push('b'), 'B'));
    expect(calls).toEqual(['a', 'b']);
    expect(await Promise.all([a, b])).toEqual(['A', 'B']);
  });

  it('never hands a caller a read that started before it asked: it waits for the next one', async () => {
    const shared = sharedRead<string, number>();
    const first = deferred<number>();
    let reads = 0;
    const running = shared('a', () => (reads++, first.promise));
    const late1 = shared('a', async () => (reads++, 2));
    const late2 = shared('a', async () => (reads++, 99));
    expect(reads).toBe(1); // the late callers wait: no second read while the first runs
    first.resolve(1);
    expect(await running).toBe(1);
    // One read, started after the first settled, answers both late callers.
    expect(await Promise.all([late1, late2])).toEqual([2, 2]);
    expect(reads).toBe(2);
  });

  it('keeps nothing once settled, and a failure reaches only the callers of that read', async () => {
    const shared = sharedRead<string, number>();
    const failing = deferred<number>();
    const failed = shared('a', () => failing.promise);
    const after = shared('a', async () => 7);
    failing.reject(new Error('down'));
    await expect(failed).rejects.toThrow('down');
    expect(await after).toBe(7);
    let calls = 0;
    expect(await shared('a', async () => ++calls)).toBe(1);
    expect(await shared('a', async () => ++calls)).toBe(2);
  });

  it('spaces reads of a busy key: callers right after a read share the next one', async () => {
    const shared = sharedRead<string, number>();
    let reads = 0;
    const read = async () => ++reads;
    expect(await shared('a', read)).toBe(1);
    // The first read has answered, but a crowd is still arriving: they share one read.
    const crowd = await Promise.all([shared('a', read), shared('a', read), shared('a', read)]);
    expect(crowd).toEqual([2, 2, 2]);
    expect(reads).toBe(2);
  });
});

describe('sharedReads', () => {
  it('reads the keys that arrive while a read runs together, each caller getting its own value', async () => {
    const asked: string[][] = [];
    const first = deferred<Map<string, number>>();
    const read = sharedReads<string, number>((keys) => {
      asked.push(keys);
      return asked.length === 1 ? first.promise : Promise.resolve(new Map(keys.map((k) => [k, k.length])));
    });
    const a = read('a');
    const bb = read('bb');
    const ccc = read('ccc');
    const eeeee = read('eeeee');
    expect(asked).toEqual([['a']]);
    first.resolve(new Map([['a', 1]]));
    expect(await Promise.all([a, bb, ccc])).toEqual([1, 2, 3]);
    expect(asked).toEqual([['a'], ['bb', 'ccc', 'eeeee']]);
    expect(await eeeee).toBe(5);
  });

  it('answers undefined for a key the read did not find, and passes a failure to that read’s callers', async () => {
    const read = sharedReads<string, number>(async (keys) =>
      keys.includes('boom') ? Promise.reject(new Error('down')) : new Map([['known', 1]]),
    );
    expect(await read('unknown')).toBeUndefined();
    await expect(read('boom')).rejects.toThrow('down');
    expect(await read('known')).toBe(1);
  });
});
