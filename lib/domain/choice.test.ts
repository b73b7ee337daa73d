import { describe, expect, it } from 'vitest';
import { ACCOUNT_SHOWS } from './account-list';
import { parseChoice } from './choice';

describe('a query parameter naming one of a fixed list', () => {
  it('reads ?show=: absent is everyone, an unknown word is nothing', () => {
    const parse = (raw: string | null) => parseChoice(raw, ACCOUNT_SHOWS, 'everyone');
    expect(parse(null)).toBe('everyone');
    expect(parse('admins')).toBe('admins');
    expect(parse('deactivated')).toBe('deactivated');
    for (const bad of ['', 'ADMINS', 'owners', 'constructor']) expect(parse(bad)).toBeUndefined();
  });
});
