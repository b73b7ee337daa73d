import type { DeploymentDto } from '@/lib/contracts/deployments';
import type { CheckDto, EvidenceDto, ItemDto } from '@/lib/contracts/items';
import type { TimelineEvent } from '@/lib/domain/event-log';
import type { ItemStatus } from '@/lib/domain/items';

function patchItems(items: ItemDto[], id: string, patch: (item: ItemDto) => ItemDto): [ItemDto[], boolean] {
  let found = false;
  const next = items.map((item) => {
    if (found) return item;
    if (item.id === id) {
      found = true;
      return patch(item);
    }
    if (item.children.length) {
      const [children, inChild] = patchItems(item.children, id, patch);
      if (inChild) {
        found = true;
        return { ...item, children };
      }
    }
    return item;
  });
  return [found ? next : items, found];
}

/**
 * Applies one committed event to the cached war-room state. Returns null when the event changes
 * more than the client can patch safely (the caller then refetches the whole state).
 */
export function applyEvent(state: DeploymentDto, event: TimelineEvent): DeploymentDto | null {
  if (event.seq <= state.seq) return state;
  if (event.type === 'item.reassigned') return applyReassign(state, event);
  if (event.type === 'item.evidence') return applyEvidence(state, event);
  // A redline is about the template, never the run: nothing in the room changes, so no refetch.
  if (event.type === 'redline.proposed') return { ...state, seq: event.seq };
  if (event.type === 'item.check_set' || event.type === 'item.check_removed') {
    const data = event.data as { itemId: string; phaseId: string; check?: CheckDto };
    const next = withCheck(state, data.phaseId, data.itemId, data.check ?? null);
    return next ? { ...next, seq: event.seq } : null;
  }
  if (event.type !== 'item.updated') return null;
  const data = event.data as {
    itemId: string;
    phaseId: string;
    status: ItemStatus;
    note: string | null;
    version: number;
    evidence?: EvidenceDto;
  };
  let applied = false;
  const phases = state.phases.map((phase) => {
    if (phase.id !== data.phaseId) return phase;
    const [items, found] = patchItems(phase.items, data.itemId, (current) => {
      // A tick with evidence carries it: added even when our own answer already moved the version.
      const item = data.evidence ? withEvidence(current, data.evidence) : current;
      // An item already at a newer version (our own optimistic write answered first) stays.
      return item.version >= data.version
        ? item
        : {
            ...item,
            status: data.status,
            note: data.note,
            version: data.version,
            updatedBy: event.actor,
            updatedAt: event.at,
          };
    });
    applied = found;
    return found ? { ...phase, items } : phase;
  });
  if (!applied) return null;
  return { ...state, phases, seq: event.seq };
}

/** The item with this evidence first (once: our own answer and the event may both bring it). */
export function withEvidence(item: ItemDto, evidence: EvidenceDto): ItemDto {
  const list = item.evidence ?? [];
  if (list.some((e) => e.id === evidence.id)) return item;
  return { ...item, evidence: [evidence, ...list], evidenceCount: (item.evidenceCount ?? list.length) + 1 };
}

/** Evidence attached without a tick: the item's list grows, nothing else changes. */
function applyEvidence(state: DeploymentDto, event: TimelineEvent): DeploymentDto | null {
  const data = event.data as { itemId: string; phaseId: string; evidence: EvidenceDto };
  if (!data.evidence) return null;
  let applied = false;
  const phases = state.phases.map((phase) => {
    if (phase.id !== data.phaseId) return phase;
    const [items, found] = patchItems(phase.items, data.itemId, (item) => withEvidence(item, data.evidence));
    applied = found;
    return found ? { ...phase, items } : phase;
  });
  return applied ? { ...state, phases, seq: event.seq } : null;
}

/** A step moved to another role: both roles' views filter by roleKey, so patching it is enough. */
function applyReassign(state: DeploymentDto, event: TimelineEvent): DeploymentDto | null {
  const data = event.data as { itemId: string; phaseId: string; to: string; version: number };
  let applied = false;
  const phases = state.phases.map((phase) => {
    if (phase.id !== data.phaseId) return phase;
    const [items, found] = patchItems(phase.items, data.itemId, (item) =>
      item.version >= data.version
        ? item
        : { ...item, roleKey: data.to, version: data.version, updatedBy: event.actor, updatedAt: event.at },
    );
    applied = found;
    return found ? { ...phase, items } : phase;
  });
  return applied ? { ...state, phases, seq: event.seq } : null;
}

/** Replaces one item in the cached state (a server answer or an optimistic change). */
export function replaceItem(
  state: DeploymentDto,
  item: Pick<ItemDto, 'id' | 'phaseId'> & Partial<ItemDto>,
): DeploymentDto {
  return {
    ...state,
    phases: state.phases.map((phase) => {
      if (phase.id !== item.phaseId) return phase;
      const [items] = patchItems(phase.items, item.id, (current) => ({
        ...current,
        ...item,
        children: current.children,
      }));
      return { ...phase, items };
    }),
  };
}

/**
 * The item with this check (null: none). Also used for the `deployment:check` socket message,
 * which is not an event: it moves no seq. Null when the item is not in the cached state.
 */
export function withCheck(
  state: DeploymentDto,
  phaseId: string | null,
  itemId: string,
  check: CheckDto | null,
): DeploymentDto | null {
  let applied = false;
  const phases = state.phases.map((phase) => {
    if (applied || (phaseId !== null && phase.id !== phaseId)) return phase;
    const [items, found] = patchItems(phase.items, itemId, (item) => ({ ...item, check }));
    applied = found;
    return found ? { ...phase, items } : phase;
  });
  return applied ? { ...state, phases } : null;
}
