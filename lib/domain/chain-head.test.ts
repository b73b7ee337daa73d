import { describe, expect, it } from 'vitest';
import { compareWithChainHead, parseChainHead } from './chain-head';

const hash = '9c1f'.padEnd(64, 'a');

describe('a chain head kept outside the database', () => {
  it('is read from the report’s line, a webhook’s chain (either key order) or a bare "#seq hash"', () => {
    expect(parseChainHead(`Chain head: event #42, \`${hash}\` (HMAC-SHA-256).`)).toEqual({ seq: 42, hash });
    expect(parseChainHead(`"chain":{"seq":42,"hash":"${hash}"}`)).toEqual({ seq: 42, hash });
    expect(parseChainHead(`{"hash":"${hash}","seq":42}`)).toEqual({ seq: 42, hash });
    expect(parseChainHead(`#42 ${hash.toUpperCase()}`)).toEqual({ seq: 42, hash });
  });

  it('is refused when it names no event or no whole hash', () => {
    expect(parseChainHead(hash)).toBeNull();
    expect(parseChainHead(`#42 ${hash.slice(0, 40)}`)).toBeNull();
    expect(parseChainHead(`#0 ${hash}`)).toBeNull();
    expect(parseChainHead('')).toBeNull();
  });

  it('says whether the record still passes through it, and why not', () => {
    const kept = { seq: 42, hash };
    expect(compareWithChainHead(kept, hash, 50)).toMatchObject({ matches: true });
    expect(compareWithChainHead(kept, 'b'.repeat(64), 50)).toMatchObject({
      matches: false,
      reason: expect.stringContaining('rewritten at or before #42'),
    });
    expect(compareWithChainHead(kept, null, 17)).toMatchObject({
      matches: false,
      reason: expect.stringContaining('verifies up to event #17 only'),
    });
    expect(compareWithChainHead(kept, null, 0).reason).toContain('does not verify from its first event');
  });
});
