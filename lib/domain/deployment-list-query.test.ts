import { describe, expect, it } from 'vitest';
import { listUrlOf } from './deployment-list-query';

describe('a Deployments list query as a query string', () => {
  it('leaves the defaults out, so the plain list has the plain address', () => {
    expect(listUrlOf('/deployments', { q: '', kind: 'all', finishedOffset: 0 })).toBe('/deployments');
  });

  it('keeps a search, a kind and a page, encoded', () => {
    expect(listUrlOf('/api/deployments', { q: 'payments & co', kind: 'rehearsal', finishedOffset: 50 })).toBe(
      '/api/deployments?q=payments+%26+co&kind=rehearsal&finishedOffset=50',
    );
  });
});
