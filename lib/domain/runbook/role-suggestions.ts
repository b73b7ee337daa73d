import {
  IC_ROLE,
  type RoleSource,
  type TemplateDefinition,
  type TemplateItem,
  type TemplateRole,
} from '../template-definition';
import { PLAIN, ROLE_RULES, STANDARD_ROLES, type StandardRoleKey } from './role-rules';

/**
 * Owner suggestions for the steps a runbook gives no owner. Deterministic and explainable:
 * the words of the step, its command, its section heading and its phase are matched against
 * the rule table (role-rules.ts); each place counts for so much, the role with the highest sum
 * wins, and the strongest single match becomes the one-line reason. What the runbook states
 * outright ("@dba", "(DBA)", a "**DBA**:" label, an owner heading) is never touched.
 */

export type { RoleSource };

export type StepContext = {
  title: string;
  command?: string | null;
  section?: string | null;
  phase?: string | null;
  /** The parent step's owner, when the parent has one. */
  parent?: { role: StandardRoleKey; title: string } | null;
};

export type Suggestion = { role: StandardRoleKey; reason: string; confidence: number };

type Place = 'title' | 'command' | 'section' | 'phase';

/**
 * How much a match counts by where it is: the step's own words beat its surroundings, and the
 * surroundings (section, phase) count once, at their strongest, so that a heading shared by
 * twenty steps cannot outvote what each step says.
 */
const PLACE_WEIGHT: Record<Place, number> = { command: 1.2, title: 1, section: 0.5, phase: 0.3 };
const PARENT_WEIGHT = 0.5;
/** The verb a step starts with says most about who does it ("Notify … of the rollout"). */
const LEADING_FACTOR = 1.6;
/** Task ids and markers before the first word: "T1189", "3.", "[P]", "Step 2:". */
const LEAD_IN = /^(?:(?:[A-Za-z]{0,3}[-\d][\w.-]*|\[[^\]]{0,4}\]|step\s+\d+\s*:)\s*)*/i;

const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function reasonFor(place: Place, match: string, source: string): string {
  const word = match.trim().toLowerCase().replace(/\s+/g, ' ');
  switch (place) {
    case 'command':
      return `command uses ${word}`;
    case 'title':
      return `step mentions "${word}"`;
    case 'section':
      return `section '${clip(source)}'`;
    case 'phase':
      return `phase '${clip(source)}'`;
  }
}

type Score = { total: number; best: { value: number; reason: string } };

/** The suggested standard role for one step, or null when nothing in it points anywhere. */
export function suggestRole(
  step: StepContext,
  allowed: (role: StandardRoleKey) => boolean = () => true,
): Suggestion | null {
  const scores = new Map<StandardRoleKey, Score>();
  const add = (role: StandardRoleKey, value: number, reason: string) => {
    const score = scores.get(role) ?? { total: 0, best: { value: 0, reason } };
    score.total += value;
    if (value > score.best.value) score.best = { value, reason };
    scores.set(role, score);
  };
  const places: Array<[Place, string | null | undefined]> = [
    ['title', step.title],
    ['command', step.command?.slice(0, 4000)],
    ['section', step.section],
    ['phase', step.phase],
  ];
  const context = new Map<StandardRoleKey, { value: number; reason: string }>();
  for (const [place, text] of places) {
    if (!text) continue;
    const start = place === 'title' ? (LEAD_IN.exec(text)?.[0].length ?? 0) : -1;
    // Per place, each role counts its strongest match once: a long step is not more certain.
    const strongest = new Map<StandardRoleKey, { weight: number; match: string }>();
    for (const rule of ROLE_RULES) {
      if (!allowed(rule.role)) continue;
      const found = rule.pattern.exec(text);
      if (!found) continue;
      // Between equal matches, the one said first leads (a hundredth, never more).
      const early = place === 'title' ? 0.01 * (1 - found.index / Math.max(1, text.length)) : 0;
      // A weak verb ("Check", "Verify") leads nothing: it says little about the trade.
      const leads = found.index === start && rule.weight >= PLAIN;
      const weight = rule.weight * (leads ? LEADING_FACTOR : 1) + early;
      const prior = strongest.get(rule.role);
      if (!prior || weight > prior.weight) strongest.set(rule.role, { weight, match: found[0] });
    }
    for (const [role, { weight, match }] of strongest) {
      const value = weight * PLACE_WEIGHT[place];
      const reason = reasonFor(place, match, text);
      if (place === 'title' || place === 'command') add(role, value, reason);
      else if (value > (context.get(role)?.value ?? 0)) context.set(role, { value, reason });
    }
  }
  for (const [role, { value, reason }] of context) add(role, value, reason);
  if (step.parent && allowed(step.parent.role))
    add(step.parent.role, PARENT_WEIGHT, `part of "${clip(step.parent.title, 50)}"`);

  const ranked = [...scores.entries()].sort((a, b) => b[1].total - a[1].total || order(a[0]) - order(b[0]));
  if (!ranked.length) return null;
  const [role, score] = ranked[0];
  const runnerUp = ranked[1]?.[1].total ?? 0;
  // Sure when the winner is strong and clear of the runner-up; unsure when it barely leads.
  const confidence = Math.max(0.05, Math.min(0.95, score.total / (score.total + runnerUp + 0.5)));
  return { role, reason: score.best.reason, confidence: Math.round(confidence * 100) / 100 };
}

const order = (role: StandardRoleKey) => STANDARD_ROLES.findIndex((r) => r.key === role);

/**
 * Which of the runbook's own roles stands for each standard role. A runbook that names its
 * roles keeps exactly those: a suggestion with no matching named role is not made.
 */
export function namedRoleFor(roles: readonly TemplateRole[]): Map<StandardRoleKey, string> {
  const map = new Map<StandardRoleKey, string>([['ic', roles.find((r) => r.isIc)?.key ?? IC_ROLE.key]]);
  for (const standard of STANDARD_ROLES) {
    if (map.has(standard.key)) continue;
    const words = (r: TemplateRole) => [r.key, r.name, ...r.aliases].map((w) => w.replace(/[-_]/g, ' '));
    const exact = roles.find((r) => !r.isIc && words(r).some((w) => standard.hints.test(w.trim())));
    const loose = roles.find(
      (r) => !r.isIc && ![...map.values()].includes(r.key) && words(r).some((w) => standard.named.test(w)),
    );
    const found = exact ?? loose;
    if (found) map.set(standard.key, found.key);
  }
  return map;
}

export type SuggestOptions = {
  /** False: leave unowned steps with the incident commander (source "default"). */
  suggest?: boolean;
};

const DEFAULT_REASON = 'no owner in the runbook and no rule matched: the incident commander holds it';

/**
 * Fills roleSource / roleReason / roleConfidence on every item, suggesting owners for those
 * marked "default" by the importer. When the runbook named no roles besides the IC, the
 * standard roles it needs are added; otherwise suggestions map onto the roles it named.
 */
export function suggestOwners(template: TemplateDefinition, options: SuggestOptions = {}): TemplateDefinition {
  const named = template.roles.some((r) => !r.isIc);
  const mapping = named ? namedRoleFor(template.roles) : null;
  const keyOf = (role: StandardRoleKey) =>
    mapping
      ? (mapping.get(role) ?? null)
      : role === 'ic'
        ? (template.roles.find((r) => r.isIc)?.key ?? IC_ROLE.key)
        : role;
  const allowed = (role: StandardRoleKey) => keyOf(role) !== null;
  const used = new Set<StandardRoleKey>();
  const standardOf = new Map<string, StandardRoleKey>();
  for (const s of STANDARD_ROLES) {
    const key = keyOf(s.key);
    if (key && !standardOf.has(key)) standardOf.set(key, s.key);
  }

  const visit = (item: TemplateItem, phase: string, parent: TemplateItem | null): TemplateItem => {
    let next: TemplateItem = { ...item, roleSource: item.roleSource ?? 'runbook' };
    if (next.roleSource === 'runbook') next.roleReason ??= 'named in the runbook';
    if (next.roleSource === 'default' || next.roleSource === 'suggested') {
      const parentRole = parent ? standardOf.get(parent.roleKey) : undefined;
      const suggestion =
        options.suggest === false
          ? null
          : suggestRole(
              {
                title: item.title,
                command: item.command,
                section: item.section,
                phase,
                parent: parentRole ? { role: parentRole, title: parent!.title } : null,
              },
              allowed,
            );
      next =
        suggestion && keyOf(suggestion.role)
          ? {
              ...next,
              roleKey: keyOf(suggestion.role)!,
              roleSource: 'suggested',
              roleReason: suggestion.reason,
              roleConfidence: suggestion.confidence,
            }
          : { ...next, roleSource: 'default', roleReason: DEFAULT_REASON, roleConfidence: null };
      if (suggestion && !mapping) used.add(suggestion.role);
    }
    return { ...next, children: item.children.map((child) => visit(child, phase, next)) };
  };
  const phases = template.phases.map((p) => ({ ...p, items: p.items.map((i) => visit(i, p.title, null)) }));
  const have = new Set(template.roles.map((r) => r.key));
  const added: TemplateRole[] = STANDARD_ROLES.filter((s) => used.has(s.key) && !have.has(s.key)).map((s) => ({
    key: s.key,
    name: s.name,
    isIc: false,
    contact: null,
    aliases: [],
  }));
  return { ...template, roles: [...template.roles, ...added], phases };
}
