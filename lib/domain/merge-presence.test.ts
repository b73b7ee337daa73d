import { describe, expect, it } from 'vitest';
import { listPresence, mergePresence, PRESENCE_LIST_MAX } from './merge-presence';

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

describe('listPresence', () => {
  const person = (i: number, roles: string[] = []) => ({ userId: `u${i}`, name: `P${i}`, roleKeys: roles });

  it('names everyone in a room of ordinary size', () => {
    const everyone = [person(1, ['ic']), person(2)];
    expect(listPresence(everyone)).toEqual({ online: everyone, total: 2 });
  });

  it('names at most PRESENCE_LIST_MAX of a crowd, role holders first, and counts them all', () => {
    const watchers = Array.from({ length: 500 }, (_, i) => person(i));
    const crew = [person(1000, ['ic']), person(1001, ['dba'])];
    const { online, total } = listPresence([...watchers, ...crew]);
    expect(total).toBe(502);
    expect(online).toHaveLength(PRESENCE_LIST_MAX);
    expect(online.slice(0, 2).map((p) => p.userId)).toEqual(['u1000', 'u1001']);
  });
});
