import type { TemplateDefinition, TemplateItem } from './template-definition';
import { itemRefs } from './template-owners';

/**
 * A re-parse in the import preview (the runbook text or the role mapping changed) builds the
 * preview afresh; the owners someone set by hand must not be lost with it. Steps are found again
 * by where they sit — phase title, section and title, and which repeat of those they are — not by
 * path, so an edit elsewhere in the runbook does not move someone's choice onto another step.
 */

const BY_HAND = new Set(['assigned by hand', 'confirmed']);

/** Whether a person chose this step's owner (moved it, or confirmed a suggestion). */
export function ownerSetByHand(item: TemplateItem): boolean {
  return item.roleSource === 'runbook' && BY_HAND.has(item.roleReason ?? '');
}

function placesOf(template: TemplateDefinition): Map<string, string> {
  const seen = new Map<string, number>();
  const places = new Map<string, string>();
  for (const ref of itemRefs(template)) {
    const base = [template.phases[ref.phase].title, ref.section ?? '', ref.item.title].join('\u0000');
    const repeat = seen.get(base) ?? 0;
    seen.set(base, repeat + 1);
    places.set(ref.path, `${base}\u0000${repeat}`);
  }
  return places;
}

export type CarriedEdits = {
  template: TemplateDefinition;
  /** Steps whose hand-set owner was applied to the fresh preview. */
  kept: number;
  /** Hand-set steps not found again (changed or gone), or whose role is gone. */
  lost: number;
};

/**
 * `fresh` with the hand edits of `edited` (which was made from `parsed`): the roles added by hand,
 * and the owner of every hand-set step found again whose role exists there.
 */
export function carryHandEdits(
  parsed: TemplateDefinition,
  edited: TemplateDefinition,
  fresh: TemplateDefinition,
): CarriedEdits {
  const parsedRoles = new Set(parsed.roles.map((r) => r.key));
  const freshRoles = new Set(fresh.roles.map((r) => r.key));
  const added = edited.roles.filter((r) => !parsedRoles.has(r.key) && !freshRoles.has(r.key));
  const roles = [...fresh.roles, ...added];
  const known = new Set(roles.map((r) => r.key));

  const editedPlaces = placesOf(edited);
  const wanted = new Map<string, TemplateItem>();
  for (const ref of itemRefs(edited)) if (ownerSetByHand(ref.item)) wanted.set(editedPlaces.get(ref.path)!, ref.item);

  const freshPlaces = placesOf(fresh);
  let kept = 0;
  const walk = (items: TemplateItem[], prefix: string): TemplateItem[] =>
    items.map((item, i) => {
      const path = `${prefix}.${i}`;
      const chosen = wanted.get(freshPlaces.get(path)!);
      const children = walk(item.children, path);
      if (!chosen || !known.has(chosen.roleKey)) return { ...item, children };
      kept += 1;
      return {
        ...item,
        roleKey: chosen.roleKey,
        roleSource: chosen.roleSource,
        roleReason: chosen.roleReason,
        roleConfidence: null,
        children,
      };
    });
  const phases = fresh.phases.map((p, n) => ({ ...p, items: walk(p.items, String(n)) }));
  return { template: { ...fresh, roles, phases }, kept, lost: wanted.size - kept };
}
