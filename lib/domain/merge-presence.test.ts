import { describe, expect, it } from 'vitest';
import { mergePresence } from './merge-presence';

describe('mergePresence', () => {
  it('lists a person once across tabs and processes, with the union of their roles', () => {
    expect(
      mergePresence([
        { userId: 'q', name: 'Quinn', roleKeys: ['qa'] },
        { userId: 'd', name: 'Dana', roleKeys: ['dba'] },
        { userId: 'q', name: 'Quinn', roleKeys: ['devops', 'qa'] },
      ]),
    ).toEqual([
      { userId: 'q', name: 'Quinn', roleKeys: ['qa', 'devops'] },
      { userId: 'd', name: 'Dana', roleKeys: ['dba'] },
    ]);
  });

  it('leaves out connections without a person, and keeps someone who holds no role', () => {
    expect(mergePresence([{}, { userId: 'a', name: 'Admin' }])).toEqual([{ userId: 'a', name: 'Admin', roleKeys: [] }]);
  });
});
