import { describe, expect, it } from 'vitest';
import {
  currentPhase,
  gateTally,
  mySignoffTasks,
  overdueLabel,
  overduePhases,
  onRollbackTrack,
  scheduleOf,
  trackPhases,
  type SchedulePhase,
  type SnapshotGate,
} from './cockpit';

const T0 = '2026-11-26T23:30:00Z';
const at = (iso: string) => new Date(iso);

const phase = (id: string, extra: Partial<SchedulePhase> = {}): SchedulePhase => ({
  id,
  title: id,
  kind: 'normal',
  status: 'pending',
  plannedStartMin: null,
  plannedDurationMin: null,
  startedAt: null,
  completedAt: null,
  ...extra,
});

const phases = [
  phase('pre', {
    plannedStartMin: -60,
    plannedDurationMin: 30,
    status: 'completed',
    startedAt: '2026-11-26T22:30:00Z',
    completedAt: '2026-11-26T23:05:00Z',
  }),
  phase('canary', { plannedStartMin: 0, plannedDurationMin: 30, status: 'active', startedAt: '2026-11-26T23:31:00Z' }),
  phase('full', { plannedStartMin: 30, plannedDurationMin: 30 }),
  phase('watch', { kind: 'monitoring', plannedStartMin: 60, plannedDurationMin: 1440 }),
  phase('rb', { kind: 'rollback' }),
];

describe('tracks and the current phase', () => {
  it('is the go-live track until a rollback is declared, also while a rollback is on hold', () => {
    expect(onRollbackTrack('in_progress')).toBe(false);
    expect(onRollbackTrack('on_hold', 'in_progress')).toBe(false);
    expect(onRollbackTrack('rolling_back')).toBe(true);
    expect(onRollbackTrack('on_hold', 'rolling_back')).toBe(true);
    expect(onRollbackTrack('rolled_back')).toBe(true);
    expect(trackPhases(phases, 'in_progress').map((p) => p.id)).toEqual(['pre', 'canary', 'full', 'watch']);
    expect(trackPhases(phases, 'rolling_back').map((p) => p.id)).toEqual(['rb']);
  });

  it('finds the running phase of the current track only', () => {
    expect(currentPhase(phases, 'in_progress')?.id).toBe('canary');
    // The go-live phase left running by the rollback is not what the room works on.
    expect(currentPhase(phases, 'rolling_back')).toBeNull();
    const rolling = phases.map((p) => (p.id === 'rb' ? { ...p, status: 'active' as const } : p));
    expect(currentPhase(rolling, 'rolling_back')?.id).toBe('rb');
  });
});

describe('overdue phases across midnight UTC', () => {
  it('labels a running phase past its planned end with whole minutes over', () => {
    // Canary planned 23:30Z–00:00Z; at 00:12:40Z next day it is 12 min over.
    const schedule = scheduleOf(phases[1], T0, at('2026-11-27T00:12:40Z'));
    expect(schedule.state).toBe('overdue');
    expect(overdueLabel(schedule)).toBe('+12 min over');
  });

  it('labels a phase not started on time as late to start', () => {
    const schedule = scheduleOf(phases[2], T0, at('2026-11-27T00:05:00Z'));
    expect(overdueLabel(schedule)).toBe('5 min late to start');
    expect(overdueLabel(scheduleOf(phases[2], T0, at('2026-11-26T23:59:00Z')))).toBeNull();
    expect(overdueLabel(scheduleOf(phases[2], T0, at('2026-11-27T00:00:30Z')))).toBe('30 s late to start');
  });

  it('lists overdue phases of the current track, none once the deployment is finished', () => {
    const now = at('2026-11-27T01:10:00Z');
    expect(
      overduePhases({ phases, goLiveAt: T0, state: 'in_progress', now }).map((o) => [o.phase.id, o.label]),
    ).toEqual([
      ['canary', '+1 h 10 min over'],
      ['full', '1 h 10 min late to start'],
      ['watch', '40 min late to start'],
    ]);
    expect(overduePhases({ phases, goLiveAt: T0, state: 'rolling_back', now })).toEqual([]);
    expect(overduePhases({ phases, goLiveAt: T0, state: 'completed', now })).toEqual([]);
    expect(
      overduePhases({ phases, goLiveAt: new Date(T0), state: 'on_hold', heldFrom: 'in_progress', now }),
    ).toHaveLength(3);
  });
});

const gate = (extra: Partial<SnapshotGate> = {}): SnapshotGate => ({
  id: 'g1',
  phaseId: 'pre',
  title: 'Go / No-Go',
  status: 'waiting',
  requiredRoles: ['dba', 'qa', 'devops'],
  signoffs: [],
  ...extra,
});

describe('sign-off tasks and tallies', () => {
  it('counts roles approved and rejected', () => {
    const g = gate({
      signoffs: [
        { id: 's1', roleKey: 'dba', userId: 'dana', decision: 'approve', at: '2026-11-26T22:50:00Z' },
        {
          id: 's2',
          roleKey: 'qa',
          userId: 'quinn',
          decision: 'reject',
          comment: 'smoke red',
          at: '2026-11-26T22:51:00Z',
        },
      ],
    });
    expect(gateTally(g)).toEqual({ approved: 1, rejected: 1, required: 3 });
  });

  it('lists undecided gates that need a role I hold, with what I signed', () => {
    const g = gate({
      signoffs: [{ id: 's1', roleKey: 'qa', userId: 'quinn', decision: 'approve', at: '2026-11-26T22:50:00Z' }],
    });
    const tasks = mySignoffTasks({
      gates: [g, gate({ id: 'g2', status: 'open' })],
      userId: 'quinn',
      roleKeys: ['qa', 'devops'],
    });
    expect(tasks).toHaveLength(1);
    expect(tasks[0].roles.map((r) => [r.roleKey, r.mine?.id ?? null])).toEqual([
      ['qa', 's1'],
      ['devops', null],
    ]);
    expect(tasks[0].pending).toBe(true);
    const qaOnly = mySignoffTasks({ gates: [g], userId: 'quinn', roleKeys: ['qa', 'devops'], onlyRole: 'qa' });
    expect(qaOnly[0].pending).toBe(false);
    expect(mySignoffTasks({ gates: [g], userId: 'stella', roleKeys: ['stakeholder'] })).toEqual([]);
  });

  it('ignores withdrawn sign-offs', () => {
    const g = gate({ signoffs: [{ id: 's1', roleKey: 'dba', userId: 'dana', decision: 'approve', withdrawn: true }] });
    expect(mySignoffTasks({ gates: [g], userId: 'dana', roleKeys: ['dba'] })[0].roles[0].mine).toBeNull();
    expect(gateTally(g).approved).toBe(0);
  });
});
