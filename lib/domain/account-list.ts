/**
 * What the Users page lists: which accounts (`?show=` on GET /api/users) and the line that says
 * how many. Pure: the server filters by it, the page labels and counts with it.
 */
import { plural } from './plural';

export const ACCOUNT_SHOWS = ['everyone', 'admins', 'active', 'deactivated'] as const;
export type AccountShow = (typeof ACCOUNT_SHOWS)[number];

const NOUNS: Record<AccountShow, { one: string; many: string; label: string }> = {
  everyone: { one: 'person', many: 'people', label: 'Everyone' },
  admins: { one: 'admin', many: 'admins', label: 'Admins' },
  active: { one: 'active person', many: 'active people', label: 'Active' },
  deactivated: { one: 'deactivated person', many: 'deactivated people', label: 'Deactivated' },
};

export const accountShowLabel = (show: AccountShow) => NOUNS[show].label;

/**
 * "3 admins matching “ops”.": what the People table shows of those matching — all of them, or
 * the first `shown` by name, saying how to find the others.
 */
export function peopleCountLine(shown: number, matching: number, searchedFor: string, show: AccountShow): string {
  const { one, many } = NOUNS[show];
  const matches = searchedFor ? ` matching “${searchedFor}”` : '';
  if (matching === 0) {
    if (searchedFor)
      return show === 'everyone' ? `No one matches “${searchedFor}”.` : `No ${one} matches “${searchedFor}”.`;
    return show === 'everyone' ? 'No one yet.' : `No ${many}.`;
  }
  const counted = `${plural(matching, one, many)}${matches}`;
  if (shown < matching)
    return `Showing the first ${shown} of ${counted} by name: search by name or email to find the others.`;
  return `${counted}.`;
}
