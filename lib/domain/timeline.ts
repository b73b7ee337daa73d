/**
 * Reading the timeline: which kind of happening an event is (for the filters), which events must
 * stand out (decisions, overrides, rollbacks), and which are headlines for stakeholders — who see
 * what happened to the go-live, never the checklist notes or the sign-off comments.
 */
import type { EventType, TimelineEvent } from './event-log';

export type EventCategory = 'state' | 'phase' | 'gate' | 'checklist' | 'people' | 'health' | 'comms';

export const EVENT_CATEGORIES: readonly EventCategory[] = [
  'state',
  'phase',
  'gate',
  'checklist',
  'people',
  'health',
  'comms',
];

export const CATEGORY_LABEL: Record<EventCategory, string> = {
  state: 'State & rollback',
  phase: 'Phases',
  gate: 'Gates & sign-offs',
  checklist: 'Checklist',
  people: 'People',
  health: 'Health & metrics',
  comms: 'Notes & status',
};

const CATEGORY: Record<EventType, EventCategory> = {
  'deployment.created': 'state',
  'deployment.transitioned': 'state',
  'deployment.rescheduled': 'state',
  'rollback.declared': 'state',
  'participant.added': 'people',
  'participant.removed': 'people',
  'participant.invited': 'people',
  'participant.invitation_revoked': 'people',
  'item.updated': 'checklist',
  'item.evidence': 'checklist',
  'item.reassigned': 'checklist',
  'section.reassigned': 'checklist',
  'phase.started': 'phase',
  'phase.completed': 'phase',
  'gate.signed': 'gate',
  'gate.signoff_withdrawn': 'gate',
  'gate.opened': 'gate',
  'gate.overridden': 'gate',
  'health.level_changed': 'health',
  'health.acknowledged': 'health',
  'metrics.rules_updated': 'health',
  'metrics.source_changed': 'health',
  'status.posted': 'comms',
  'note.added': 'comms',
  'share_link.created': 'comms',
  'share_link.revoked': 'comms',
  'webhook.created': 'comms',
  'webhook.deleted': 'comms',
  'webhook.paused': 'comms',
  'webhook.resumed': 'comms',
  'redline.proposed': 'checklist',
  'item.check_set': 'checklist',
  'item.check_removed': 'checklist',
};

/** Unknown types (added by a newer server) fall into the broadest bucket rather than vanish. */
export function eventCategory(type: string): EventCategory {
  return CATEGORY[type as EventType] ?? 'comms';
}

export type Emphasis = 'rollback' | 'override' | 'decision' | 'reject' | null;

const ENDINGS = new Set(['rolling_back', 'rolled_back', 'aborted']);

/** How loudly an entry shows: rollbacks and aborts loudest, then overrides, rejections, then decisions. */
export function emphasisOf(event: Pick<TimelineEvent, 'type' | 'data'>): Emphasis {
  switch (event.type) {
    case 'rollback.declared':
      return 'rollback';
    case 'deployment.transitioned':
      return ENDINGS.has(String(event.data.to)) ? 'rollback' : 'decision';
    case 'gate.overridden':
      return 'override';
    case 'gate.signed':
      return event.data.decision === 'reject' ? 'reject' : 'decision';
    case 'gate.opened':
      return 'decision';
    default:
      return null;
  }
}

const HEADLINES = new Set<string>([
  'deployment.created',
  'deployment.transitioned',
  'deployment.rescheduled',
  'rollback.declared',
  'phase.started',
  'phase.completed',
  'gate.opened',
  'gate.overridden',
  'health.level_changed',
  'status.posted',
]);

/** Events a stakeholder sees: what happened to the go-live, without notes, comments or who ticked what. */
export function isHeadline(event: Pick<TimelineEvent, 'type'>): boolean {
  return HEADLINES.has(event.type);
}

export type TimelineFilter = {
  /** Role key the action was taken in; '' or undefined = any. */
  role?: string;
  /** Person: the actor's id, or their name for events without one. */
  person?: string;
  category?: EventCategory | '';
};

export const personOf = (event: Pick<TimelineEvent, 'actorId' | 'actor'>) => event.actorId ?? event.actor ?? '';

export function filterTimeline<E extends TimelineEvent>(events: readonly E[], filter: TimelineFilter): E[] {
  return events.filter(
    (event) =>
      (!filter.role || event.role === filter.role) &&
      (!filter.person || personOf(event) === filter.person) &&
      (!filter.category || eventCategory(event.type) === filter.category),
  );
}

/** The roles and people that occur in these events, for the filter menus, in first-seen order. */
export function timelineFacets(events: readonly TimelineEvent[]): {
  roles: string[];
  people: { id: string; name: string }[];
} {
  const roles = new Set<string>();
  const people = new Map<string, string>();
  for (const event of events) {
    if (event.role) roles.add(event.role);
    const id = personOf(event);
    if (id && !people.has(id)) people.set(id, event.actor ?? id);
  }
  return { roles: [...roles], people: [...people].map(([id, name]) => ({ id, name })) };
}
