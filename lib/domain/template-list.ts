import { plural } from './plural';

/**
 * "2 templates matching “payroll”.": how much of the library the list shows — all that match, or
 * the most recently changed, saying how to find the others.
 */
export function templateCountLine(shown: number, matching: number, searchedFor: string): string {
  const matches = searchedFor ? ` matching “${searchedFor}”` : '';
  if (matching === 0) return searchedFor ? `No template matches “${searchedFor}”.` : 'No templates yet.';
  if (shown < matching)
    return `Showing the ${shown} most recently changed of ${plural(matching, 'template')}${matches}: search by name or description to find the others.`;
  return `${plural(matching, 'template')}${matches}.`;
}
