import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from './event-log';
import { afterFailure, testWebhookPayload, topicOf, webhookPayload } from './webhooks';

const event = (type: string, data: Record<string, unknown> = {}): TimelineEvent => ({
  seq: 7,
  type: type as TimelineEvent['type'],
  at: '2026-11-26T08:05:00.000Z',
  deploymentId: 'd1',
  actorId: 'u1',
  actor: 'Iris IC',
  role: 'ic',
  data,
});

describe('webhook topics', () => {
  it('maps the chosen events and nothing else', () => {
    expect(topicOf(event('phase.started'))).toBe('phase.started');
    expect(topicOf(event('gate.opened'))).toBe('gate.decided');
    expect(topicOf(event('gate.signed', { decision: 'reject' }))).toBe('gate.decided');
    expect(topicOf(event('gate.signed', { decision: 'approve' }))).toBeNull();
    expect(topicOf(event('deployment.transitioned', { to: 'completed' }))).toBe('deployment.finished');
    expect(topicOf(event('deployment.transitioned', { to: 'in_progress' }))).toBeNull();
    expect(topicOf(event('item.updated'))).toBeNull();
  });

  it('builds a Slack-compatible body with our own fields', () => {
    const body = webhookPayload({
      event: event('status.posted', { message: 'Canary at 25 %' }),
      topic: 'status.posted',
      deployment: { id: 'd1', name: 'Checkout', version: '2.4.0' },
      deliveryId: 'w1',
      sentAt: new Date('2026-11-26T08:05:01Z'),
      chain: { seq: 7, hash: 'c0ffee' },
    });
    expect(body.text).toBe('[Checkout 2.4.0] Iris IC posted: Canary at 25 %');
    expect(body.blocks[0]).toMatchObject({ type: 'section' });
    expect(body).toMatchObject({
      topic: 'status.posted',
      deliveryId: 'w1',
      sentAt: '2026-11-26T08:05:01.000Z',
      event: { seq: 7, type: 'status.posted' },
      chain: { seq: 7, hash: 'c0ffee' },
    });
  });

  it('builds a test body shaped like a delivery, naming the deployment or War Room', () => {
    const sentAt = new Date('2026-11-26T08:05:01Z');
    const scoped = testWebhookPayload({
      deployment: { id: 'd1', name: 'Checkout', version: '2.4.0' },
      deliveryId: 'test_1',
      sentAt,
      chain: { seq: 3, hash: 'beef' },
    });
    expect(scoped.text).toBe('[Checkout 2.4.0] Test notification from War Room: this webhook works. No action needed.');
    expect(scoped).toMatchObject({
      topic: 'test',
      deliveryId: 'test_1',
      sentAt: '2026-11-26T08:05:01.000Z',
      deployment: { id: 'd1' },
      event: null,
      chain: { seq: 3, hash: 'beef' },
    });
    expect(scoped.blocks.map((b) => b.type)).toEqual(['section', 'context']);
    const global = testWebhookPayload({ deployment: null, deliveryId: 'test_2', sentAt, chain: null });
    expect(global.text).toMatch(/^\[War Room\] Test notification from War Room/);
    expect(global.deployment).toBeNull();
  });
});

describe('retry policy', () => {
  it('backs off exponentially, then gives up', () => {
    const policy = { baseMs: 1000, maxAttempts: 4 };
    expect([1, 2, 3].map((n) => afterFailure(n, policy))).toEqual([
      { status: 'retrying', delayMs: 1000 },
      { status: 'retrying', delayMs: 2000 },
      { status: 'retrying', delayMs: 4000 },
    ]);
    expect(afterFailure(4, policy)).toEqual({ status: 'failed' });
  });
});
