import { Badge, type Tone } from '@/components/ui/badges';
import type { WebhookTopic } from '@/lib/domain/webhooks';

/** The runbook's words for each topic, and when it fires, for the checkboxes. */
export const TOPIC_LOOK: Record<WebhookTopic, { label: string; hint: string }> = {
  'phase.started': { label: 'Phase started', hint: 'each phase the IC starts' },
  'gate.decided': { label: 'Go / no-go decided', hint: 'a gate opened (GO) or a role rejected it (NO-GO)' },
  'gate.overridden': { label: 'Gate overridden', hint: 'the IC opened a gate without every sign-off' },
  'health.level_changed': { label: 'Health level changed', hint: 'keep going · prepare rollback · roll back now' },
  'rollback.declared': { label: 'Rollback declared', hint: 'someone called the rollback' },
  'status.posted': { label: 'Status update posted', hint: 'the updates the IC or comms post' },
  'deployment.finished': { label: 'Deployment finished', hint: 'completed, rolled back or aborted' },
};

export function topicLabel(topic: string): string {
  return TOPIC_LOOK[topic as WebhookTopic]?.label ?? topic;
}

/**
 * A delivery names the timeline event behind it, not its topic: a GO is `gate.opened`, a NO-GO
 * a rejecting `gate.signed`, a finish a `deployment.transitioned` (see topicOf).
 */
const EVENT_LABEL: Record<string, string> = {
  'gate.opened': 'Gate opened (GO)',
  'gate.signed': 'Gate rejected (NO-GO)',
  'deployment.transitioned': 'Deployment finished',
};

export function deliveryEventLabel(eventType: string | null): string {
  if (!eventType) return 'Event no longer exists';
  return EVENT_LABEL[eventType] ?? topicLabel(eventType);
}

const DELIVERY_LOOK: Record<string, { tone: Tone; icon: string; label: string }> = {
  pending: { tone: 'grey', icon: '○', label: 'Pending' },
  sending: { tone: 'blue', icon: '↗', label: 'Sending' },
  retrying: { tone: 'amber', icon: '↻', label: 'Retrying' },
  delivered: { tone: 'green', icon: '✓', label: 'Delivered' },
  failed: { tone: 'red', icon: '✖', label: 'Failed' },
};

export function DeliveryBadge({ status }: { status: string }) {
  const look = DELIVERY_LOOK[status] ?? { tone: 'grey' as Tone, icon: '•', label: status };
  return (
    <Badge tone={look.tone} icon={look.icon}>
      {look.label}
    </Badge>
  );
}

/** 08:05:12Z today; the date too when it was another (UTC) day. */
export function whenLabel(iso: string, now: number): string {
  const date = new Date(iso);
  const sameDay = date.toISOString().slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return sameDay ? `${iso.slice(11, 19)}Z` : `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z`;
}
