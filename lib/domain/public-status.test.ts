import { describe, expect, it } from 'vitest';
import { estimateFinish, publicStatus, type PublicStatusSource } from './public-status';

const T0 = new Date('2026-11-26T08:00:00Z');
const min = (n: number) => new Date(T0.getTime() + n * 60_000);

function source(overrides: Partial<PublicStatusSource> = {}): PublicStatusSource {
  return {
    deployment: {
      name: 'Checkout',
      version: '2.4.0',
      state: 'in_progress',
      heldFromState: null,
      goLiveAt: T0,
      startedAt: min(-30),
      finishedAt: null,
      healthLevel: 2,
      seq: 12,
    },
    phases: [
      {
        id: 'p1',
        title: 'Preflight',
        kind: 'normal',
        status: 'completed',
        plannedStartMin: -30,
        plannedDurationMin: 30,
        startedAt: min(-30),
        completedAt: min(-2),
      },
      {
        id: 'p2',
        title: 'Deploy',
        kind: 'normal',
        status: 'active',
        plannedStartMin: 0,
        plannedDurationMin: 20,
        startedAt: min(0),
        completedAt: null,
      },
      {
        id: 'p3',
        title: 'Verify',
        kind: 'normal',
        status: 'pending',
        plannedStartMin: 20,
        plannedDurationMin: 10,
        startedAt: null,
        completedAt: null,
      },
      {
        id: 'p4',
        title: 'Watch',
        kind: 'monitoring',
        status: 'pending',
        plannedStartMin: 30,
        plannedDurationMin: 2880,
        startedAt: null,
        completedAt: null,
      },
      {
        id: 'r1',
        title: 'Roll back',
        kind: 'rollback',
        status: 'pending',
        plannedStartMin: null,
        plannedDurationMin: 15,
        startedAt: null,
        completedAt: null,
      },
    ],
    items: [
      { id: 'a', parentId: null, phaseId: 'p1', status: 'done' },
      { id: 'b', parentId: null, phaseId: 'p2', status: 'done' },
      { id: 'c', parentId: null, phaseId: 'p2', status: 'blocked' },
      { id: 'd', parentId: null, phaseId: 'p3', status: 'pending' },
      { id: 'r', parentId: null, phaseId: 'r1', status: 'pending' },
    ],
    gates: [
      {
        phaseId: 'p1',
        title: 'Ready to deploy',
        status: 'open',
        requiredRoles: ['dba'],
        openedAt: min(-3),
        overriddenBy: null,
        signoffs: [
          {
            id: 's1',
            roleKey: 'dba',
            userId: 'u1',
            userName: 'Dana DBA',
            decision: 'approve',
            createdAt: min(-3),
            withdrawnAt: null,
          },
        ],
      },
      {
        phaseId: 'p2',
        title: 'Canary healthy',
        status: 'overridden',
        requiredRoles: ['qa'],
        openedAt: min(5),
        overriddenBy: 'Iris IC',
        signoffs: [],
      },
      {
        phaseId: 'p3',
        title: 'Verified',
        status: 'rejected',
        requiredRoles: ['qa'],
        openedAt: null,
        overriddenBy: null,
        signoffs: [
          {
            id: 's2',
            roleKey: 'qa',
            userId: 'u2',
            userName: 'Quinn QA',
            decision: 'reject',
            createdAt: min(6),
            withdrawnAt: null,
          },
        ],
      },
    ],
    updates: [{ at: min(4), message: 'Canary at 25 %', actor: 'Iris IC' }],
    showNames: false,
    ...overrides,
  };
}

describe('publicStatus', () => {
  it('shows the go-live track, its progress and decisions, without names by default', () => {
    const status = publicStatus(source());
    expect(status).toMatchObject({
      name: 'Checkout',
      stateLabel: 'In progress',
      track: 'go-live',
      currentPhase: 'Deploy',
      progress: { percent: 50, done: 2, total: 4 },
      health: { level: 2, label: 'Degraded' },
      seq: 12,
    });
    expect(status.phases.map((p) => p.title)).toEqual(['Preflight', 'Deploy', 'Verify', 'Watch']);
    expect(status.gates.map((g) => [g.title, g.decision, g.by])).toEqual([
      ['Ready to deploy', 'approved', []],
      ['Canary healthy', 'overridden', []],
      ['Verified', 'rejected', []],
    ]);
    expect(status.updates).toEqual([{ at: min(4).toISOString(), message: 'Canary at 25 %', by: null }]);
    expect(JSON.stringify(status)).not.toMatch(/Dana|Quinn|Iris/);
  });

  it('names who decided and who posted only when the IC chose to show names', () => {
    const status = publicStatus(source({ showNames: true }));
    expect(status.gates.map((g) => g.by)).toEqual([['Dana DBA'], ['Iris IC'], ['Quinn QA']]);
    expect(status.updates[0].by).toBe('Iris IC');
  });

  it('switches to the rollback track once a rollback is declared', () => {
    const base = source();
    const status = publicStatus(source({ deployment: { ...base.deployment, state: 'rolling_back' } }));
    expect(status.track).toBe('rollback');
    expect(status.phases.map((p) => p.title)).toEqual(['Roll back']);
    expect(status.progress).toEqual({ percent: 0, done: 0, total: 1 });
  });
});

describe('estimateFinish', () => {
  const status = publicStatus(source());

  it('walks the plan forward from now, leaving out monitoring', () => {
    // Deploy ends at its plan (T+20), Verify follows (T+30).
    expect(estimateFinish(status, min(5))?.toISOString()).toBe(min(30).toISOString());
  });

  it('pushes the rest back when the running phase is late', () => {
    // At T+25 Deploy is 5 min over: it ends no earlier than now, Verify takes 10 more.
    expect(estimateFinish(status, min(25))?.toISOString()).toBe(min(35).toISOString());
  });

  it('has no answer once finished or with no durations to go on', () => {
    expect(estimateFinish({ ...status, state: 'completed' }, min(5))).toBeNull();
    expect(
      estimateFinish({ ...status, phases: status.phases.map((p) => ({ ...p, plannedDurationMin: null })) }, min(5)),
    ).toBeNull();
  });
});
