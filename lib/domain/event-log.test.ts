import { describe, expect, it } from 'vitest';
import { describeEvent, mergeEvents, type TimelineEvent } from './event-log';

const ev = (seq: number): TimelineEvent => ({
  seq,
  type: 'item.updated',
  at: new Date(seq * 1000).toISOString(),
  deploymentId: 'd',
  actorId: 'u',
  actor: 'Ann',
  role: 'dba',
  data: {},
});

describe('mergeEvents', () => {
  it('orders events by sequence whatever order they arrive in', () => {
    const result = mergeEvents([], [ev(3), ev(1), ev(2)], 0);
    expect(result.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(result.lastSeq).toBe(3);
    expect(result.hasGap).toBe(false);
  });

  it('drops duplicates delivered twice (resync overlapping live delivery)', () => {
    const first = mergeEvents([], [ev(1), ev(2)], 0);
    const second = mergeEvents(first.events, [ev(2), ev(3)], first.lastSeq);
    expect(second.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(second.added.map((e) => e.seq)).toEqual([3]);
  });

  it('reports a gap so the client asks for what it missed', () => {
    const result = mergeEvents([ev(1)], [ev(4)], 1);
    expect(result.hasGap).toBe(true);
    expect(result.lastSeq).toBe(1);
    const healed = mergeEvents(result.events, [ev(2), ev(3)], result.lastSeq);
    expect(healed.hasGap).toBe(false);
    expect(healed.lastSeq).toBe(4);
  });
});

describe('describeEvent', () => {
  it('names the host a webhook was paused or resumed for', () => {
    const webhook = (type: 'webhook.paused' | 'webhook.resumed') => ({
      ...ev(1),
      type,
      data: { webhookId: 'w1', host: 'hooks.slack.com' },
    });
    expect(describeEvent(webhook('webhook.paused'))).toBe('paused the webhook to hooks.slack.com');
    expect(describeEvent(webhook('webhook.resumed'))).toBe('resumed the webhook to hooks.slack.com');
  });

  it('says where the go-live moved, and why when a reason was given', () => {
    const moved = (reason: string | null) => ({
      ...ev(1),
      type: 'deployment.rescheduled' as const,
      data: { from: '2026-12-05T08:00:00.000Z', to: '2026-12-06T09:30:00.000Z', reason },
    });
    expect(describeEvent(moved(null))).toBe('moved the go-live from 2026-12-05 08:00 UTC to 2026-12-06 09:30 UTC');
    expect(describeEvent(moved('vendor late'))).toMatch(/09:30 UTC — vendor late$/);
  });
});
