import { describe, expect, it } from 'vitest';
import { batchedRead, sharedLookup } from '@/lib/realtime/server/shared-lookup';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('sharedLookup', () => {
  it('gives concurrent callers of one key one lookup, and other keys their own', async () => {
    const shared = sharedLookup<string, number>();
    const calls: string[] = [];
    const pending = deferred<number>();
    const lookup = (key: string) => () => (calls.push(key), key === 'a' ? pending.promise : Promise.resolve(2));
    const first = shared('a', lookup('a'));
    const second = shared('a', lookup('a'));
    const other = shared('b', lookup('b'));
    pending.resolve(1);
    expect(await Promise.all([first, second, other])).toEqual([1, 1, 2]);
    expect(calls).toEqual(['a', 'b']);
  });

  it('keeps nothing once settled: the next caller looks up afresh, after an answer or a failure', async () => {
    const shared = sharedLookup<string, number>();
    let calls = 0;
    expect(await shared('a', async () => ++calls)).toBe(1);
    expect(await shared('a', async () => ++calls)).toBe(2);
    await expect(shared('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await shared('a', async () => ++calls)).toBe(3);
  });
});

describe('batchedRead', () => {
  it('shares a read among the callers that asked before it started, never with a later one', async () => {
    const batched = batchedRead<string, number>();
    let reads = 0;
    const read = async () => ++reads;
    const first = batched('a', read);
    const second = batched('a', read);
    expect(reads).toBe(0);
    expect(await Promise.all([first, second])).toEqual([1, 1]);
    // The first read has started (and finished): a caller now gets a read of its own.
    expect(await batched('a', read)).toBe(2);
  });
});
