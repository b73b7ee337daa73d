/**
 * What the template library lists: everyone's templates or those one made (`?show=` on
 * GET /api/templates), and the line that says how many. Pure: the server filters by it, the page
 * labels and counts with it.
 */
import { plural } from './plural';

export const TEMPLATE_SHOWS = ['all', 'mine'] as const;
export type TemplateShow = (typeof TEMPLATE_SHOWS)[number];

const LABELS: Record<TemplateShow, string> = { all: 'All templates', mine: 'Made by me' };
export const templateShowLabel = (show: TemplateShow) => LABELS[show];

/**
 * "2 templates matching “payroll”.": how much of the library the list shows — all that match, or
 * the most recently changed, saying how to find the others.
 */
export function templateCountLine(
  shown: number,
  matching: number,
  searchedFor: string,
  show: TemplateShow = 'all',
): string {
  const matches = searchedFor ? ` matching “${searchedFor}”` : '';
  const made = show === 'mine' ? ' you made' : '';
  if (matching === 0) {
    if (searchedFor) return `No template${made} matches “${searchedFor}”.`;
    return show === 'mine' ? 'You have made no templates yet.' : 'No templates yet.';
  }
  const counted = `${plural(matching, 'template')}${made}${matches}`;
  if (shown < matching)
    return `Showing the ${shown} most recently changed of ${counted}: search by name or description to find the others.`;
  return `${counted}.`;
}
