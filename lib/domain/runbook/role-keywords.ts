import { PLAIN, type RoleKeywords } from './role-keyword-weights';
import { COORDINATION_KEYWORDS } from './role-keywords-coordination';
import { ENGINEERING_KEYWORDS } from './role-keywords-engineering';

/**
 * The keyword table behind owner suggestions: which words in a step, its command or its section
 * heading point at which of the standard war-room roles, and how strongly. Pure data, apart from
 * the rules that compile it (role-rules.ts), so the vocabulary grows without touching the logic.
 * Written from how go-live runbooks talk in general (tools, verbs, nouns of each trade), never
 * from one document.
 *
 * The rows live in two files by role, the hands-on trades (role-keywords-engineering.ts) and the
 * roles that coordinate (role-keywords-coordination.ts); this file joins them in one fixed order.
 */

export { PLAIN, type RoleKeywords };

// The order is the rule order role-rules.ts compiles: DBA, DevOps, QA, Monitoring, then Comms,
// Tech lead, Incident commander, as the table has always listed them.
export const ROLE_KEYWORDS: readonly RoleKeywords[] = [...ENGINEERING_KEYWORDS, ...COORDINATION_KEYWORDS];
