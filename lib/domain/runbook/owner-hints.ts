import { STANDARD_ROLES } from './role-rules';
import { looksLikeRole, type RoleBook } from './roles';
import { oneLine } from './text';

/**
 * Owners a step names in its own line, besides "@role": "(DBA) Take a backup", "[DevOps]
 * Switch DNS", "Comms: tell customers" ("**Comms**:" in Markdown), "… (Owner: QA Lead)".
 * These are the runbook's own words, so they win over any suggestion. A bracket or label is
 * only an owner when it names a role — "[P]", "(if applicable)" or "Smoke test:" are not.
 */

// An optional task id before the bracket: "T1189 [DBA] …", "3. (QA) …".
const LEADING_BRACKET = /^((?:[A-Za-z]{0,3}[-\d][\w.-]*\s+)?)[([]([^\])[]{1,40})[)\]]\s+(?=\S)/;
const TRAILING_BRACKET = /\s+[([]([^\])[]{1,40})[)\]]\s*[.;]?$/;
const OWNER_IN_LINE =
  /[\s([,;–—-]*\b(?:owner|owned by|assignee|assigned to|responsible)\s*:\s*([A-Za-z@][^,;()[\]]{0,39}?)\s*[)\]]?\s*[.;]?$/i;
const LEADING_LABEL = /^([A-Za-z][\w .&/-]{0,38}?)\s*:\s+(?=\S)/;

export function standardHint(raw: string): boolean {
  const text = raw.trim().replace(/^@/, '');
  return STANDARD_ROLES.some((role) => role.hints.test(text));
}

/** A hint in brackets or a leading label: a known role, a standard role name, or a role noun. */
function ownerOf(raw: string, roles: RoleBook, allowRoleNoun: boolean): string | null {
  const text = raw.trim().replace(/^@/, '');
  if (!text || /^\d/.test(text)) return null;
  const known = roles.resolve(text, { exact: true });
  if (known) return known;
  if (standardHint(text)) return roles.resolve(text, { create: true });
  // "(Security Lead)" reads as a role; "(UTC)" or "(P1)" do not, so all-caps alone is not enough.
  if (allowRoleNoun && looksLikeRole(text) && !/^[A-Z0-9]{1,6}$/.test(text))
    return roles.resolve(text, { create: true });
  return null;
}

export function takeOwnerHint(text: string, roles: RoleBook): { title: string; roleKey: string | null } {
  const owner = OWNER_IN_LINE.exec(text);
  if (owner && owner.index > 0) {
    const key = roles.resolve(owner[1], { create: true });
    if (key) return { title: oneLine(text.slice(0, owner.index)), roleKey: key };
  }
  const lead = LEADING_BRACKET.exec(text);
  if (lead) {
    const key = ownerOf(lead[2], roles, true);
    if (key) return { title: oneLine(lead[1] + text.slice(lead[0].length)), roleKey: key };
  }
  const trail = TRAILING_BRACKET.exec(text);
  if (trail && trail.index > 0) {
    const key = ownerOf(trail[1], roles, true);
    if (key) return { title: oneLine(text.slice(0, trail.index)), roleKey: key };
  }
  const label = LEADING_LABEL.exec(text);
  if (label) {
    const key = ownerOf(label[1], roles, false);
    if (key) return { title: oneLine(text.slice(label[0].length)), roleKey: key };
  }
  return { title: text, roleKey: null };
}
