import { describe, expect, it } from 'vitest';
import { peopleCountLine } from './account-list';

describe('which accounts the Users page lists', () => {
  it('says how many it shows, and how to find those it leaves out', () => {
    expect(peopleCountLine(3, 3, '', 'everyone')).toBe('3 people.');
    expect(peopleCountLine(1, 1, 'ops', 'everyone')).toBe('1 person matching “ops”.');
    expect(peopleCountLine(2, 2, '', 'admins')).toBe('2 admins.');
    expect(peopleCountLine(200, 2400, '', 'active')).toBe(
      'Showing the first 200 of 2400 active people by name: search by name or email to find the others.',
    );
    expect(peopleCountLine(0, 0, '', 'everyone')).toBe('No one yet.');
    expect(peopleCountLine(0, 0, '', 'deactivated')).toBe('No deactivated people.');
    expect(peopleCountLine(0, 0, 'zed', 'everyone')).toBe('No one matches “zed”.');
    expect(peopleCountLine(0, 0, 'zed', 'admins')).toBe('No admin matches “zed”.');
  });
});
