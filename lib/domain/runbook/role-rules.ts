import { PLAIN, ROLE_KEYWORDS } from './role-keywords';

/**
 * The standard war-room roles and the rules behind owner suggestions: the keyword table
 * (role-keywords.ts) compiled into one whole-word pattern per role and weight. The engine that
 * applies them is role-suggestions.ts.
 */

// The weight role-suggestions.ts measures a match against; it lives with the table it grades.
export { PLAIN };

export type StandardRoleKey = 'ic' | 'tech-lead' | 'dba' | 'devops' | 'qa' | 'monitoring' | 'comms';

export type StandardRole = {
  key: StandardRoleKey;
  name: string;
  /** Whole owner hints that name this role ("(DBA)", "[DevOps]", "@qa", "Comms:"). */
  hints: RegExp;
  /** Words in a runbook's own role name that make it this role ("Database Admin" → dba). */
  named: RegExp;
};

/** The standard role set templates start from and may extend. */
export const STANDARD_ROLES: readonly StandardRole[] = [
  {
    key: 'ic',
    name: 'Incident Commander',
    hints: /^(?:ic|incident[\s-]?commander|incident[\s-]?manager|release[\s-]?captain|release[\s-]?manager)$/i,
    named: /\b(?:incident|commander|captain)\b/i,
  },
  {
    key: 'tech-lead',
    name: 'Tech Lead',
    hints:
      /^(?:tech(?:nical)?[\s-]?lead|tl|eng(?:ineering)?[\s-]?lead|dev(?:elopment)?[\s-]?lead|lead[\s-]?dev(?:eloper)?)$/i,
    named:
      /\b(?:tech(?:nical)?|engineering|development|developer|dev|software|release|deployment|backend|architect)\b/i,
  },
  {
    key: 'dba',
    name: 'DBA',
    hints: /^(?:dba|dbas|db[\s-]?admin|database(?:[\s-]?(?:admin(?:istrator)?|engineer|team|lead))?)$/i,
    named: /\b(?:dba|database|db|data)\b/i,
  },
  {
    key: 'devops',
    name: 'DevOps',
    hints: /^(?:dev[\s-]?ops|ops|sre|platform(?:[\s-]?team)?|infra(?:structure)?(?:[\s-]?team)?|operations)$/i,
    named:
      /\b(?:devops|ops|operations|sre|platform|infra|infrastructure|systems?|cloud|site reliability|release engineer)\b/i,
  },
  {
    key: 'qa',
    name: 'QA',
    hints: /^(?:qa|qc|qa[\s-]?lead|test(?:er|ing)?(?:[\s-]?lead)?|quality(?:[\s-]?assurance)?)$/i,
    named: /\b(?:qa|qc|quality|test|tester|testing)\b/i,
  },
  {
    key: 'monitoring',
    name: 'Monitoring',
    hints: /^(?:monitoring(?:[\s-]?lead)?|observability|noc)$/i,
    named: /\b(?:monitoring|observability|noc|metrics)\b/i,
  },
  {
    key: 'comms',
    name: 'Comms',
    hints: /^(?:comms|communications?(?:[\s-]?lead)?|pr|support(?:[\s-]?lead)?|customer[\s-]?success)$/i,
    named: /\b(?:comms|communications?|pr|marketing|support|customer|stakeholder)\b/i,
  },
];

export type RoleRule = { role: StandardRoleKey; pattern: RegExp; weight: number };

function rule(role: StandardRoleKey, weight: number, terms: readonly string[]): RoleRule {
  return { role, weight, pattern: new RegExp(`(?<![\\w-])(?:${terms.join('|')})(?![\\w-])`, 'i') };
}

export const ROLE_RULES: readonly RoleRule[] = ROLE_KEYWORDS.map(({ role, weight, terms }) =>
  rule(role, weight, terms),
);
