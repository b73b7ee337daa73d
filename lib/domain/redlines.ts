import type { TemplateDefinition, TemplateItem, TemplatePhase } from './template-definition';

/**
 * Redlines: changes to a template proposed during a run (issue 17). Pure: where a step stood in
 * the version the run pinned, and applying accepted redlines to the newest version.
 *
 * A step is located in the newest version by where it stood (phase index and path of positions)
 * when the step there still has the same title; else by a unique step with that title anywhere
 * (it moved); else the redline conflicts: the step was removed or reworded since, and applying the
 * change blindly could edit the wrong step.
 */

export const REDLINE_KINDS = ['edit', 'add', 'remove'] as const;
export type RedlineKind = (typeof REDLINE_KINDS)[number];
export const REDLINE_STATUSES = ['open', 'accepted', 'rejected'] as const;
export type RedlineStatus = (typeof REDLINE_STATUSES)[number];

export type RedlinePatch = {
  title?: string;
  command?: string | null;
  expected?: string | null;
  plannedDurationMin?: number | null;
};

/** Where the step stood in the pinned version. */
export type RedlineTarget = {
  phaseIndex: number;
  /** Positions from the phase's top-level list down to the step. */
  path: number[];
  title: string;
  roleKey: string;
  phaseTitle: string;
};

export type RedlineToApply = {
  id: string;
  kind: RedlineKind;
  target: RedlineTarget;
  patch: RedlinePatch;
};

export type Located = { phase: TemplatePhase; list: TemplateItem[]; item: TemplateItem };

export type ApplyResult =
  { ok: true; definition: TemplateDefinition } | { ok: false; redlineId: string; message: string };

/** A patch with nothing in it: an edit or add must say what to change. */
export function isEmptyPatch(patch: RedlinePatch): boolean {
  return (
    patch.title === undefined &&
    patch.command === undefined &&
    patch.expected === undefined &&
    patch.plannedDurationMin === undefined
  );
}

function at(phase: TemplatePhase, path: number[]): Omit<Located, 'phase'> | null {
  let list = phase.items;
  for (let depth = 0; depth < path.length; depth += 1) {
    const item = list[path[depth]];
    if (!item) return null;
    if (depth === path.length - 1) return { list, item };
    list = item.children;
  }
  return null;
}

function everyStep(definition: TemplateDefinition): Located[] {
  const found: Located[] = [];
  const walk = (phase: TemplatePhase, list: TemplateItem[]) => {
    for (const item of list) {
      found.push({ phase, list, item });
      walk(phase, item.children);
    }
  };
  for (const phase of definition.phases) walk(phase, phase.items);
  return found;
}

/** The step a redline is about in this version, or null when it no longer exists there. */
export function locateStep(definition: TemplateDefinition, target: RedlineTarget): Located | null {
  const phase = definition.phases[target.phaseIndex];
  const same = phase ? at(phase, target.path) : null;
  if (phase && same && same.item.title === target.title) return { phase, ...same };
  const byTitle = everyStep(definition).filter((s) => s.item.title === target.title);
  return byTitle.length === 1 ? byTitle[0] : null;
}

function applyPatch(located: Located, patch: RedlinePatch) {
  const { item, phase } = located;
  if (patch.title !== undefined) item.title = patch.title;
  if (patch.command !== undefined) item.command = patch.command || null;
  if (patch.expected !== undefined) item.expectedOutput = patch.expected || null;
  if (patch.plannedDurationMin !== undefined) phase.plannedDurationMin = patch.plannedDurationMin;
}

/**
 * Applies redlines, in the order given, to a copy of the definition. Every target is located
 * before anything changes, so one batch reads the version as it was; any step that cannot be
 * found fails the whole batch (nothing half-applied).
 */
export function applyRedlines(definition: TemplateDefinition, redlines: readonly RedlineToApply[]): ApplyResult {
  const copy = structuredClone(definition);
  const located: Located[] = [];
  for (const redline of redlines) {
    const found = locateStep(copy, redline.target);
    if (!found)
      return {
        ok: false,
        redlineId: redline.id,
        message: `The step “${redline.target.title}” (phase “${redline.target.phaseTitle}”) is not in the newest version any more: it was removed or reworded since this run. Reject this redline, or make the change in the template editor.`,
      };
    located.push(found);
  }
  redlines.forEach((redline, index) => {
    const spot = located[index];
    if (redline.kind === 'edit') applyPatch(spot, redline.patch);
    else if (redline.kind === 'remove') {
      const position = spot.list.indexOf(spot.item);
      if (position >= 0) spot.list.splice(position, 1);
    } else {
      const added: TemplateItem = {
        title: redline.patch.title || 'New step',
        roleKey: spot.item.roleKey,
        section: spot.item.section ?? null,
        command: redline.patch.command || null,
        expectedOutput: redline.patch.expected || null,
        children: [],
      };
      const position = spot.list.indexOf(spot.item);
      spot.list.splice(position < 0 ? spot.list.length : position + 1, 0, added);
      if (redline.patch.plannedDurationMin !== undefined)
        spot.phase.plannedDurationMin = redline.patch.plannedDurationMin;
    }
  });
  return { ok: true, definition: copy };
}

/** The version's one-line summary, naming the redline(s) it came from. */
export function acceptSummary(
  redlines: readonly { kind: RedlineKind; target: RedlineTarget; proposer: string; reason: string }[],
) {
  const verb = { edit: 'edit', add: 'add after', remove: 'remove' } as const;
  if (redlines.length === 1) {
    const r = redlines[0];
    return `Redline by ${r.proposer || 'someone'} accepted: ${verb[r.kind]} “${r.target.title}” (${r.reason})`;
  }
  return `${redlines.length} redlines accepted: ${redlines.map((r) => `${verb[r.kind]} “${r.target.title}”`).join('; ')}`;
}
