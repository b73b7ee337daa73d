import type { StandardRoleKey } from './role-rules';

/**
 * What the two halves of the keyword table (role-keywords-engineering.ts,
 * role-keywords-coordination.ts) share: the weights a row may carry and the shorthand that
 * writes a row. Kept apart from role-keywords.ts so the halves need not import the file that
 * combines them.
 */

/** Strong: a tool or phrase that belongs to one trade. Plain: a word that usually does. */
export const STRONG = 1;
export const PLAIN = 0.6;
export const WEAK = 0.35;

/** Terms are regex alternatives, matched whole-word and case-insensitively (role-rules.ts). */
export type RoleKeywords = { role: StandardRoleKey; weight: number; terms: readonly string[] };

// Shorthand for a row, so the table reads as a table: role, weight, then its terms.
export function keywords(role: StandardRoleKey, weight: number, terms: string[]): RoleKeywords {
  return { role, weight, terms };
}
