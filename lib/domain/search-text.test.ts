import { describe, expect, it } from 'vitest';
import { SEARCH_MAX, parseSearchText } from './search-text';

describe('a search as typed', () => {
  it('is trimmed, and blank or absent is no search', () => {
    expect(parseSearchText('  payments ')).toBe('payments');
    expect(parseSearchText('   ')).toBe('');
    expect(parseSearchText(null)).toBe('');
    expect(parseSearchText(undefined)).toBe('');
  });

  it('names nothing when too long or holding control characters', () => {
    expect(parseSearchText('x'.repeat(SEARCH_MAX))).toBe('x'.repeat(SEARCH_MAX));
    expect(parseSearchText('x'.repeat(SEARCH_MAX + 1))).toBeUndefined();
    for (const c of ['\n', '\u0007', '\u007f']) expect(parseSearchText(`a${c}b`)).toBeUndefined();
  });
});
