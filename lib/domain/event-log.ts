/**
 * The timeline's event shape as the API and sockets deliver it, and the client-side rules for
 * merging deliveries: socket.io delivers at most once, so clients dedupe by `seq` and ask for
 * what is missing whenever they see a gap.
 */

import { isDeploymentState, stateLabel } from './deployment-state';
import { isItemStatus, STATUS_LABEL } from './items';

export const EVENT_TYPES = [
  'deployment.created',
  'deployment.transitioned',
  'deployment.rescheduled',
  'participant.added',
  'participant.removed',
  'participant.invited',
  'participant.invitation_revoked',
  'item.updated',
  'item.evidence',
  'item.reassigned',
  'section.reassigned',
  'phase.started',
  'phase.completed',
  'gate.signed',
  'gate.signoff_withdrawn',
  'gate.opened',
  'gate.overridden',
  'rollback.declared',
  'health.level_changed',
  'health.acknowledged',
  'metrics.rules_updated',
  'metrics.source_changed',
  'status.posted',
  'note.added',
  'share_link.created',
  'share_link.revoked',
  'webhook.created',
  'webhook.deleted',
  'webhook.paused',
  'webhook.resumed',
  'redline.proposed',
  'item.check_set',
  'item.check_removed',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export type TimelineEvent = {
  seq: number;
  type: EventType;
  /** ISO 8601, UTC. */
  at: string;
  deploymentId: string;
  actorId: string | null;
  /** Display name of who did it. */
  actor: string | null;
  /** Key of the role they acted in. */
  role: string | null;
  data: Record<string, unknown>;
};

export type MergeResult = {
  events: TimelineEvent[];
  /** Highest seq with no hole before it. */
  lastSeq: number;
  /** True when some events after lastSeq arrived but one before them is missing. */
  hasGap: boolean;
  /** Events that were new to the client, in order. */
  added: TimelineEvent[];
};

/** Merges deliveries into a timeline ordered by seq, without duplicates, and reports gaps. */
export function mergeEvents(
  current: readonly TimelineEvent[],
  incoming: readonly TimelineEvent[],
  lastSeq: number,
): MergeResult {
  const bySeq = new Map<number, TimelineEvent>();
  for (const event of current) bySeq.set(event.seq, event);
  const added: TimelineEvent[] = [];
  for (const event of incoming) {
    if (event.seq <= 0 || bySeq.has(event.seq)) continue;
    bySeq.set(event.seq, event);
    added.push(event);
  }
  const events = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  let contiguous = lastSeq;
  while (bySeq.has(contiguous + 1)) contiguous += 1;
  const maxSeq = events.length ? events[events.length - 1].seq : 0;
  added.sort((a, b) => a.seq - b.seq);
  return { events, lastSeq: contiguous, hasGap: maxSeq > contiguous, added };
}

/** A deployment state or item status inside a sentence ("in progress"); a value neither knows reads as itself. */
function inWords(value: unknown): string {
  if (isDeploymentState(value)) return stateLabel(value).toLowerCase();
  if (isItemStatus(value)) return STATUS_LABEL[value].toLowerCase();
  return String(value ?? '');
}

/** " with evidence: mismatch (lag is 00:00:04: not < 00:00:01)", for the events that carry evidence. */
function evidenceWords(evidence: unknown): string {
  if (!evidence || typeof evidence !== 'object') return '';
  const e = evidence as { match?: string; reason?: string };
  const result = e.match === 'match' ? 'matches' : e.match === 'mismatch' ? 'MISMATCH' : 'not compared';
  return ` — evidence ${result}${e.reason ? ` (${e.reason})` : ''}`;
}

/** "2026-12-05 08:00 UTC" for a stored ISO time. */
function utcMinute(value: unknown): string {
  const date = new Date(String(value ?? ''));
  return Number.isNaN(date.getTime())
    ? String(value ?? '')
    : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Words for the timeline: "Alice (DBA) marked “Backup database” done". */
export function describeEvent(event: TimelineEvent): string {
  const d = event.data as Record<string, string | number | undefined>;
  switch (event.type) {
    case 'item.updated':
      return `marked “${d.title}” ${inWords(d.status)}${d.note ? ` — ${d.note}` : ''}${evidenceWords(event.data.evidence)}`;
    case 'item.evidence':
      return `attached evidence to “${d.title}”${evidenceWords(event.data.evidence)}`;
    case 'item.reassigned':
      return `moved “${d.title}” from ${d.fromName ?? d.from} to ${d.toName ?? d.to}`;
    case 'section.reassigned':
      return `moved ${d.count} step${d.count === 1 ? '' : 's'} of “${d.section ?? 'no section'}” to ${d.toName ?? d.to}`;
    case 'participant.added':
      return d.via === 'invitation'
        ? `accepted the invitation and joined as ${d.roleName}`
        : `assigned ${d.userName} to ${d.roleName}`;
    case 'participant.invited':
      return `invited ${d.email} to join as ${d.roleName}`;
    case 'participant.invitation_revoked':
      return `withdrew the invitation of ${d.email} to ${d.roleName}`;
    case 'participant.removed':
      return `removed ${d.userName} from ${d.roleName}`;
    case 'deployment.created':
      return `created the war room “${d.name}”`;
    case 'deployment.transitioned':
      return `moved the deployment to ${inWords(d.to)}${d.reason ? ` — ${d.reason}` : ''}`;
    case 'deployment.rescheduled':
      return `moved the go-live from ${utcMinute(d.from)} to ${utcMinute(d.to)}${d.reason ? ` — ${d.reason}` : ''}`;
    case 'phase.started':
      return `started phase “${d.title}”`;
    case 'phase.completed':
      return `completed phase “${d.title}”`;
    case 'gate.signed':
      return `${d.decision === 'approve' ? 'approved' : 'rejected'} gate “${d.gateTitle}” as ${d.roleName ?? d.roleKey}${d.comment ? ` — ${d.comment}` : ''}`;
    case 'gate.signoff_withdrawn':
      return `withdrew their ${d.decision === 'reject' ? 'rejection' : 'approval'} of gate “${d.gateTitle}”`;
    case 'gate.opened':
      // Attributed to whoever gave the deciding approval.
      return `gave the last sign-off: gate “${d.gateTitle}” is open — GO`;
    case 'gate.overridden':
      return `overrode gate “${d.gateTitle}” — ${d.reason}`;
    case 'rollback.declared':
      return `declared a ${d.level} rollback — ${d.reason}`;
    case 'health.level_changed':
      return `health moved to level ${d.level}: ${d.title ?? ''}`;
    case 'health.acknowledged':
      return `acknowledged health level ${d.level}`;
    case 'metrics.rules_updated':
      return d.summary ? String(d.summary) : 'updated the metric rules';
    case 'metrics.source_changed':
      return `${d.summary ?? 'changed a metric source'}`;
    case 'status.posted':
      return `posted: ${d.message}`;
    case 'note.added':
      return `noted: ${d.text}`;
    case 'share_link.created':
      return `opened a public status link${d.showNames ? ' (showing names)' : ''}`;
    case 'share_link.revoked':
      return 'revoked a public status link';
    case 'webhook.created':
      return `added a webhook to ${d.host} for ${Array.isArray(event.data.eventTypes) ? (event.data.eventTypes as string[]).join(', ') : 'events'}`;
    case 'webhook.deleted':
      return `removed the webhook to ${d.host}`;
    case 'webhook.paused':
      return `paused the webhook to ${d.host}`;
    case 'webhook.resumed':
      return `resumed the webhook to ${d.host}`;
    case 'redline.proposed': {
      const verb = d.kind === 'add' ? 'adding a step after' : d.kind === 'remove' ? 'removing' : 'a change to';
      return `proposed ${verb} “${d.title}” for the runbook — ${d.reason}`;
    }
    case 'item.check_set':
      return `put a check on “${d.title}”: ${d.description}`;
    case 'item.check_removed':
      return `removed the check from “${d.title}”`;
    default:
      return event.type;
  }
}
