import { describe, expect, it } from 'vitest';
import { listSearchOf } from './deployment-list-query';

describe('a Deployments list query as a query string', () => {
  it('leaves the defaults out, so the plain list has the plain address', () => {
    expect(listSearchOf({ q: '', kind: 'all', finishedOffset: 0 })).toBe('');
  });

  it('keeps a search, a kind and a page, encoded', () => {
    expect(listSearchOf({ q: 'payments & co', kind: 'rehearsal', finishedOffset: 50 })).toBe(
      'q=payments+%26+co&kind=rehearsal&finishedOffset=50',
    );
  });
});
