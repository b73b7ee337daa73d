import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from './event-log';
import { emphasisOf, eventCategory, filterTimeline, isHeadline, timelineFacets } from './timeline';

let seq = 0;
const event = (type: TimelineEvent['type'], extra: Partial<TimelineEvent> = {}): TimelineEvent => ({
  seq: ++seq,
  type,
  at: '2026-11-26T23:00:00Z',
  deploymentId: 'd',
  actorId: 'u-ic',
  actor: 'Iris',
  role: 'ic',
  data: {},
  ...extra,
});

describe('timeline categories, emphasis and headlines', () => {
  it('sorts every event type into a filter category', () => {
    expect(eventCategory('gate.signed')).toBe('gate');
    expect(eventCategory('rollback.declared')).toBe('state');
    expect(eventCategory('item.updated')).toBe('checklist');
    expect(eventCategory('something.new')).toBe('comms');
  });

  it('makes rollbacks, aborts, overrides and rejections stand out', () => {
    expect(emphasisOf(event('rollback.declared'))).toBe('rollback');
    expect(emphasisOf(event('deployment.transitioned', { data: { to: 'aborted' } }))).toBe('rollback');
    expect(emphasisOf(event('deployment.transitioned', { data: { to: 'monitoring' } }))).toBe('decision');
    expect(emphasisOf(event('gate.overridden'))).toBe('override');
    expect(emphasisOf(event('gate.signed', { data: { decision: 'reject' } }))).toBe('reject');
    expect(emphasisOf(event('gate.signed', { data: { decision: 'approve' } }))).toBe('decision');
    expect(emphasisOf(event('item.updated'))).toBeNull();
  });

  it('keeps notes, ticks and sign-off comments out of stakeholder headlines', () => {
    expect(isHeadline(event('phase.started'))).toBe(true);
    expect(isHeadline(event('gate.opened'))).toBe(true);
    expect(isHeadline(event('item.updated'))).toBe(false);
    expect(isHeadline(event('note.added'))).toBe(false);
    expect(isHeadline(event('gate.signed'))).toBe(false);
  });
});

describe('filtering by role, person and type', () => {
  const events = [
    event('phase.started'),
    event('item.updated', { actorId: 'u-dba', actor: 'Dana', role: 'dba' }),
    event('gate.signed', { actorId: 'u-dba', actor: 'Dana', role: 'dba', data: { decision: 'approve' } }),
    event('gate.signed', { actorId: 'u-qa', actor: 'Quinn', role: 'devops', data: { decision: 'approve' } }),
    event('health.level_changed', { actorId: null, actor: null, role: null }),
  ];

  it('combines the filters', () => {
    expect(filterTimeline(events, {}).length).toBe(5);
    expect(filterTimeline(events, { role: 'dba' }).map((e) => e.type)).toEqual(['item.updated', 'gate.signed']);
    expect(filterTimeline(events, { person: 'u-dba', category: 'gate' })).toHaveLength(1);
    expect(filterTimeline(events, { category: 'gate' }).map((e) => e.actor)).toEqual(['Dana', 'Quinn']);
    expect(filterTimeline(events, { role: '', person: '', category: '' })).toHaveLength(5);
  });

  it('offers the roles and people that occur', () => {
    expect(timelineFacets(events)).toEqual({
      roles: ['ic', 'dba', 'devops'],
      people: [
        { id: 'u-ic', name: 'Iris' },
        { id: 'u-dba', name: 'Dana' },
        { id: 'u-qa', name: 'Quinn' },
      ],
    });
  });
});
