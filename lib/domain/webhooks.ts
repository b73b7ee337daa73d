/**
 * Outgoing notifications: which timeline events a webhook can subscribe to (topics), the
 * Slack-compatible message each becomes, and the retry policy. Pure: the worker in
 * lib/server/webhooks does the I/O.
 */
import type { ChainHead } from './chain-head';
import { isTerminal } from './deployment-state';
import { describeEvent, type TimelineEvent } from './event-log';

export const WEBHOOK_TOPICS = [
  'phase.started',
  'gate.decided',
  'gate.overridden',
  'health.level_changed',
  'rollback.declared',
  'status.posted',
  'deployment.finished',
] as const;

export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number];

/** The topic a committed event belongs to, or null when no webhook can ask for it. */
export function topicOf(event: Pick<TimelineEvent, 'type' | 'data'>): WebhookTopic | null {
  switch (event.type) {
    case 'phase.started':
    case 'gate.overridden':
    case 'health.level_changed':
    case 'rollback.declared':
    case 'status.posted':
      return event.type;
    case 'gate.opened':
      return 'gate.decided';
    case 'gate.signed':
      // One rejection holds the gate shut: that is a NO-GO decision; approvals before the last are not.
      return event.data.decision === 'reject' ? 'gate.decided' : null;
    case 'deployment.transitioned':
      return isTerminal(String(event.data.to)) ? 'deployment.finished' : null;
    default:
      return null;
  }
}

export type WebhookDeployment = { id: string; name: string; version: string };

/** An audit chain head: event number and its keyed hash (see lib/server/events/append-event.ts). */
const titleOf = (deployment: WebhookDeployment) =>
  `${deployment.name}${deployment.version ? ` ${deployment.version}` : ''}`;

/**
 * The body every receiver gets: `text` (and `blocks`) so it can be pasted into a Slack incoming
 * webhook as is, plus our own fields for machines. `sentAt` is inside the signed body so a
 * receiver can refuse replays of an old delivery. `chain` is the audit chain's head as of this
 * event: a receiver that keeps it holds a copy outside the database to compare the log with.
 */
export function webhookPayload(input: {
  event: TimelineEvent;
  topic: WebhookTopic;
  deployment: WebhookDeployment;
  deliveryId: string;
  sentAt: Date;
  chain: ChainHead;
}) {
  const { event, deployment } = input;
  const who = event.actor ?? 'War Room';
  const title = titleOf(deployment);
  const text = `[${title}] ${who} ${describeEvent(event)}`;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${title}* — ${who} ${describeEvent(event)}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `${input.topic} · #${event.seq} · ${event.at}` }] },
    ],
    topic: input.topic,
    deliveryId: input.deliveryId,
    sentAt: input.sentAt.toISOString(),
    deployment,
    event: { seq: event.seq, type: event.type, at: event.at, actor: event.actor, role: event.role, data: event.data },
    chain: input.chain,
  };
}

/**
 * What "Send test" posts: the shape of a delivery, so a receiver that handles real ones handles
 * this, but topic `test` and no event, so nothing downstream mistakes it for a happening.
 */
export function testWebhookPayload(input: {
  deployment: WebhookDeployment | null;
  deliveryId: string;
  sentAt: Date;
  chain: ChainHead | null;
}) {
  const title = input.deployment ? titleOf(input.deployment) : 'War Room';
  const message = 'Test notification from War Room: this webhook works. No action needed.';
  return {
    text: `[${title}] ${message}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${title}* — ${message}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `test · ${input.sentAt.toISOString()}` }] },
    ],
    topic: 'test' as const,
    deliveryId: input.deliveryId,
    sentAt: input.sentAt.toISOString(),
    deployment: input.deployment,
    event: null,
    chain: input.chain,
  };
}

export type RetryPolicy = { baseMs: number; maxAttempts: number };

/**
 * After a failed attempt: try again after base · 2^(attempts-1) (1×, 2×, 4×, …), or give up once
 * `maxAttempts` attempts were made. No jitter: one process delivers, so there is no herd to spread.
 */
export function afterFailure(
  attempts: number,
  policy: RetryPolicy,
): { status: 'retrying'; delayMs: number } | { status: 'failed' } {
  if (attempts >= policy.maxAttempts) return { status: 'failed' };
  return { status: 'retrying', delayMs: policy.baseMs * 2 ** Math.max(0, attempts - 1) };
}
