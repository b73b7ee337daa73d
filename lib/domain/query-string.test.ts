import { describe, expect, it } from 'vitest';
import { withQuery } from './query-string';

describe('an address with a query', () => {
  it('keeps only the parameters that say something, encoded, in the order given', () => {
    expect(withQuery('/api/users', { q: 'ops & co', show: 'admins' })).toBe('/api/users?q=ops+%26+co&show=admins');
    expect(withQuery('/api/account-events', { person: undefined, before: '42' })).toBe('/api/account-events?before=42');
    expect(withQuery('/deployments', { finishedOffset: 50 })).toBe('/deployments?finishedOffset=50');
  });

  it('is the bare path when nothing is asked', () => {
    expect(withQuery('/api/templates', { q: '', show: undefined, before: null })).toBe('/api/templates');
  });
});
