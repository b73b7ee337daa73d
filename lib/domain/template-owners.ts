import { ROLE_KEY, type TemplateDefinition, type TemplateItem, type TemplateRole } from './template-definition';

/**
 * Assigning owners by hand in the import preview and the template editor: pure edits of a
 * TemplateDefinition. Items are addressed by their path ("2.0.1": phase 2, item 0, child 1), so
 * a selection survives re-renders. A step moved or confirmed by hand is no longer a suggestion.
 */

export type ItemRef = { path: string; phase: number; section: string | null; item: TemplateItem; depth: number };

/** Every item in document order, children after their parent. */
export function itemRefs(template: TemplateDefinition): ItemRef[] {
  const out: ItemRef[] = [];
  const walk = (items: TemplateItem[], phase: number, prefix: string, depth: number) =>
    items.forEach((item, i) => {
      const path = `${prefix}.${i}`;
      out.push({ path, phase, section: item.section ?? null, item, depth });
      walk(item.children, phase, path, depth + 1);
    });
  template.phases.forEach((p, n) => walk(p.items, n, String(n), 0));
  return out;
}

function mapItems(
  template: TemplateDefinition,
  change: (item: TemplateItem, path: string) => TemplateItem,
): TemplateDefinition {
  const walk = (items: TemplateItem[], prefix: string): TemplateItem[] =>
    items.map((item, i) => {
      const path = `${prefix}.${i}`;
      const changed = change(item, path);
      return { ...changed, children: walk(item.children, path) };
    });
  return { ...template, phases: template.phases.map((p, n) => ({ ...p, items: walk(p.items, String(n)) })) };
}

const byHand = (item: TemplateItem, roleKey: string): TemplateItem => ({
  ...item,
  roleKey,
  roleSource: 'runbook',
  roleReason: 'assigned by hand',
  roleConfidence: null,
});

export function moveItems(
  template: TemplateDefinition,
  paths: ReadonlySet<string>,
  roleKey: string,
): TemplateDefinition {
  if (!template.roles.some((r) => r.key === roleKey)) return template;
  return mapItems(template, (item, path) => (paths.has(path) ? byHand(item, roleKey) : item));
}

/** Accepts the suggested owners of the given steps as they are. */
export function confirmItems(template: TemplateDefinition, paths: ReadonlySet<string>): TemplateDefinition {
  return mapItems(template, (item, path) =>
    paths.has(path) && item.roleSource === 'suggested'
      ? { ...byHand(item, item.roleKey), roleReason: 'confirmed' }
      : item,
  );
}

export function roleCounts(template: TemplateDefinition): Map<string, number> {
  const counts = new Map(template.roles.map((r) => [r.key, 0]));
  for (const ref of itemRefs(template)) counts.set(ref.item.roleKey, (counts.get(ref.item.roleKey) ?? 0) + 1);
  return counts;
}

/** A new role named by the user; its key is made from the name and never clashes. */
export function addRole(
  template: TemplateDefinition,
  name: string,
): { template: TemplateDefinition; key: string | null } {
  const clean = name.trim().slice(0, 120);
  if (!clean) return { template, key: null };
  const base =
    clean
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36) || 'role';
  const start = /^[a-z]/.test(base) ? base : `r-${base}`.slice(0, 36);
  let key = start;
  for (let n = 2; template.roles.some((r) => r.key === key); n += 1) key = `${start}-${n}`;
  if (!ROLE_KEY.test(key)) return { template, key: null };
  const role: TemplateRole = { key, name: clean, isIc: false, contact: null, aliases: [] };
  return { template: { ...template, roles: [...template.roles, role] }, key };
}

export function renameRole(template: TemplateDefinition, key: string, name: string): TemplateDefinition {
  const clean = name.trim().slice(0, 120);
  if (!clean) return template;
  return { ...template, roles: template.roles.map((r) => (r.key === key ? { ...r, name: clean } : r)) };
}

/**
 * Removes a role; its steps (and its place in gates) go to `moveTo`. The IC role stays: every
 * war room has one.
 */
export function removeRole(template: TemplateDefinition, key: string, moveTo: string): TemplateDefinition {
  const role = template.roles.find((r) => r.key === key);
  if (!role || role.isIc || key === moveTo || !template.roles.some((r) => r.key === moveTo)) return template;
  const moved = mapItems(template, (item) => (item.roleKey === key ? byHand(item, moveTo) : item));
  return {
    ...moved,
    roles: moved.roles.filter((r) => r.key !== key),
    phases: moved.phases.map((p) => ({
      ...p,
      gates: p.gates.map((g) => ({
        ...g,
        requiredRoles: [...new Set(g.requiredRoles.map((r) => (r === key ? moveTo : r)))],
      })),
    })),
  };
}
