import { describe, expect, it } from 'vitest';
import type { Signoff } from './gates';
import type { ItemStatus } from './items';
import {
  checkPhaseStart,
  deploymentGuards,
  nextPhase,
  phaseCompletion,
  progress,
  progressByRole,
  type PhaseGate,
  type PhaseItem,
  type PhaseSummary,
} from './phases';

const roleNames = { dba: 'DBA', qa: 'QA', qa_lead: 'QA Lead', devops: 'DevOps' };

const item = (id: string, roleKey: string, status: ItemStatus, children: PhaseItem[] = []): PhaseItem => ({
  id,
  roleKey,
  status,
  children,
});
const approve = (roleKey: string, userId: string): Signoff => ({
  id: `${roleKey}-${userId}`,
  roleKey,
  userId,
  decision: 'approve',
});
const goNoGo = (signoffs: Signoff[] = [], extra: Partial<PhaseGate> = {}): PhaseGate => ({
  title: 'Go/No-Go',
  requiredRoles: ['qa_lead'],
  signoffs,
  status: 'waiting',
  ...extra,
});

describe('phaseCompletion', () => {
  it('completes when every item, nested ones too, is done or skipped and every gate is open', () => {
    const items = [
      item('a', 'dba', 'done', [item('a1', 'dba', 'done'), item('a2', 'dba', 'skipped')]),
      item('b', 'qa', 'skipped'),
    ];
    expect(phaseCompletion({ items, gates: [goNoGo([approve('qa_lead', 'q')])], roleNames })).toEqual({
      ok: true,
      blockers: [],
    });
  });

  it('counts open items per role, nested included, and says who still has work', () => {
    const items = [
      item('a', 'dba', 'done', [item('a1', 'dba', 'pending'), item('a2', 'dba', 'blocked')]),
      item('b', 'qa', 'in_progress'),
      item('c', 'devops', 'done'),
    ];
    const result = phaseCompletion({ items, gates: [], roleNames });
    expect(result).toEqual({ ok: false, blockers: ['3 items still open: 2 for DBA, 1 for QA (1 blocked)'] });
  });

  it('reads a flat list with parent ids the same as a tree, counting each item once', () => {
    const flat: PhaseItem[] = [
      { id: 'a', status: 'done', roleKey: 'dba' },
      { id: 'a1', parentId: 'a', status: 'pending', roleKey: 'dba' },
    ];
    const mixed: PhaseItem[] = [{ ...flat[0], children: [flat[1]] }, flat[1]];
    expect(phaseCompletion({ items: flat, gates: [], roleNames }).blockers).toEqual(['1 item still open for DBA']);
    expect(phaseCompletion({ items: mixed, gates: [], roleNames }).blockers).toEqual(['1 item still open for DBA']);
  });

  it('skipping a parent skips the steps under it', () => {
    const items = [item('a', 'dba', 'skipped', [item('a1', 'dba', 'pending', [item('a1x', 'dba', 'blocked')])])];
    expect(phaseCompletion({ items, gates: [], roleNames }).ok).toBe(true);
    expect(progress(items)).toMatchObject({ total: 3, skipped: 3, percent: 100 });
  });

  it('a waiting gate names the roles whose sign-off is missing', () => {
    const gate = goNoGo([approve('dba', 'd')], { requiredRoles: ['dba', 'qa_lead', 'devops'] });
    expect(phaseCompletion({ items: [], gates: [gate], roleNames }).blockers).toEqual([
      "Gate 'Go/No-Go' needs QA Lead's and DevOps's sign-offs",
    ]);
    expect(phaseCompletion({ items: [], gates: [goNoGo()], roleNames }).blockers).toEqual([
      "Gate 'Go/No-Go' needs QA Lead's sign-off",
    ]);
  });

  it('a rejected gate says who rejected it; an overridden one no longer blocks', () => {
    const rejected = goNoGo([{ id: 'r', roleKey: 'qa_lead', userId: 'q', decision: 'reject', comment: 'errors' }]);
    expect(phaseCompletion({ items: [], gates: [rejected], roleNames }).blockers).toEqual([
      "Gate 'Go/No-Go' was rejected by QA Lead",
    ]);
    const overridden = { ...rejected, overrideReason: 'accepted risk' };
    expect(phaseCompletion({ items: [], gates: [overridden], roleNames }).ok).toBe(true);
  });

  it('monitoring checkpoints block their phase until signed', () => {
    const checkpoint: PhaseGate = {
      title: '+12h',
      kind: 'checkpoint',
      requiredRoles: ['devops'],
      signoffs: [],
      status: 'waiting',
    };
    expect(phaseCompletion({ items: [], gates: [checkpoint], roleNames }).blockers).toEqual([
      "Checkpoint '+12h' needs DevOps's sign-off",
    ]);
  });

  it('falls back to the role key when no name is known', () => {
    expect(phaseCompletion({ items: [item('x', 'sre', 'pending')], gates: [] }).blockers).toEqual([
      '1 item still open for sre',
    ]);
  });
});

describe('progress', () => {
  const items = [
    item('a', 'dba', 'done', [item('a1', 'dba', 'done'), item('a2', 'qa', 'blocked')]),
    item('b', 'qa', 'in_progress'),
    item('c', 'qa', 'pending'),
    item('d', 'devops', 'skipped'),
  ];

  it('counts every item, nested ones included, and rounds the percentage down', () => {
    expect(progress(items)).toEqual({
      total: 6,
      done: 2,
      skipped: 1,
      blocked: 1,
      inProgress: 1,
      pending: 1,
      percent: 50,
    });
    const almost = [
      ...Array.from({ length: 199 }, (_, i) => item(`d${i}`, 'dba', 'done' as const)),
      item('last', 'dba', 'pending'),
    ];
    expect(progress(almost).percent).toBe(99);
  });

  it('an empty checklist has nothing left', () => {
    expect(progress([])).toEqual({
      total: 0,
      done: 0,
      skipped: 0,
      blocked: 0,
      inProgress: 0,
      pending: 0,
      percent: 100,
    });
  });

  it('splits by owning role (key, else id)', () => {
    const byRole = progressByRole(items);
    expect(Object.keys(byRole).sort()).toEqual(['dba', 'devops', 'qa']);
    expect(byRole.qa).toMatchObject({ total: 3, blocked: 1, inProgress: 1, pending: 1, percent: 0 });
    expect(byRole.dba).toMatchObject({ total: 2, done: 2, percent: 100 });
    expect(Object.keys(progressByRole([{ id: 'x', roleId: 'role_123', status: 'done' }]))).toEqual(['role_123']);
  });
});

const phases = (...specs: [string, PhaseSummary['kind'], PhaseSummary['status']][]): PhaseSummary[] =>
  specs.map(([title, kind, status]) => ({ id: title.toLowerCase(), title, kind, status }));

describe('checkPhaseStart', () => {
  const plan = phases(
    ['Preparation', 'normal', 'completed'],
    ['Deployment', 'normal', 'pending'],
    ['Validation', 'normal', 'pending'],
    ['Monitoring', 'monitoring', 'pending'],
    ['Rollback', 'rollback', 'pending'],
  );

  it('starts the next phase in order while the deployment is active', () => {
    for (const state of ['preflight', 'in_progress', 'monitoring'] as const) {
      expect(checkPhaseStart({ phases: plan, phaseId: 'deployment', deploymentState: state })).toEqual({ ok: true });
    }
  });

  it('refuses to skip ahead', () => {
    expect(checkPhaseStart({ phases: plan, phaseId: 'validation', deploymentState: 'in_progress' })).toEqual({
      ok: false,
      code: 'phase_out_of_order',
      message: "Phases run in order: complete 'Deployment' before starting 'Validation'",
    });
  });

  it('a skipped phase counts as finished for the order', () => {
    const p = phases(['Preparation', 'normal', 'skipped'], ['Deployment', 'normal', 'pending']);
    expect(checkPhaseStart({ phases: p, phaseId: 'deployment', deploymentState: 'in_progress' }).ok).toBe(true);
  });

  it('one phase at a time', () => {
    const p = phases(['Preparation', 'normal', 'active'], ['Deployment', 'normal', 'pending']);
    expect(checkPhaseStart({ phases: p, phaseId: 'deployment', deploymentState: 'in_progress' })).toMatchObject({
      code: 'phase_already_active',
      message: "'Preparation' is still running: complete it before starting 'Deployment'",
    });
    expect(checkPhaseStart({ phases: p, phaseId: 'preparation', deploymentState: 'in_progress' })).toMatchObject({
      code: 'phase_not_pending',
    });
  });

  it('only while the deployment is active', () => {
    for (const state of ['planned', 'on_hold', 'rolling_back', 'completed', 'rolled_back', 'aborted'] as const) {
      expect(checkPhaseStart({ phases: plan, phaseId: 'deployment', deploymentState: state })).toMatchObject({
        code: 'deployment_not_active',
      });
    }
    expect(checkPhaseStart({ phases: plan, phaseId: 'deployment', deploymentState: 'on_hold' })).toMatchObject({
      message: 'The deployment is on hold: resume it before starting a phase',
    });
  });

  it('rollback phases start only while rolling back, and are not blocked by the abandoned go-live phase', () => {
    expect(checkPhaseStart({ phases: plan, phaseId: 'rollback', deploymentState: 'in_progress' })).toMatchObject({
      code: 'deployment_not_active',
    });
    const midway = phases(
      ['Deployment', 'normal', 'active'],
      ['Validation', 'normal', 'pending'],
      ['Rollback', 'rollback', 'pending'],
    );
    expect(checkPhaseStart({ phases: midway, phaseId: 'rollback', deploymentState: 'rolling_back' })).toEqual({
      ok: true,
    });
  });

  it('rollback phases run in order among themselves', () => {
    const p = phases(['Switch back', 'rollback', 'pending'], ['Verify', 'rollback', 'pending']);
    expect(checkPhaseStart({ phases: p, phaseId: 'verify', deploymentState: 'rolling_back' })).toMatchObject({
      code: 'phase_out_of_order',
    });
  });

  it('unknown phase', () => {
    expect(checkPhaseStart({ phases: plan, phaseId: 'nope', deploymentState: 'in_progress' })).toMatchObject({
      code: 'phase_not_found',
    });
  });
});

describe('nextPhase', () => {
  it('is the first pending phase of the track the deployment is on', () => {
    const p = phases(
      ['Preparation', 'normal', 'completed'],
      ['Deployment', 'normal', 'active'],
      ['Validation', 'normal', 'pending'],
      ['Rollback', 'rollback', 'pending'],
    );
    expect(nextPhase(p)?.title).toBe('Validation');
    expect(nextPhase(p, 'rolling_back')?.title).toBe('Rollback');
    expect(nextPhase(phases(['Preparation', 'normal', 'completed']))).toBeNull();
  });
});

describe('deploymentGuards', () => {
  const p = phases(
    ['Deploy', 'normal', 'completed'],
    ['Validate', 'normal', 'skipped'],
    ['Watch', 'monitoring', 'active'],
    ['Rollback', 'rollback', 'pending'],
  );

  it('reports what the state machine needs, naming what is still open', () => {
    const guards = deploymentGuards({
      phases: p,
      gates: [
        { phaseId: 'deploy', title: 'Go/No-Go', kind: 'gate', status: 'waiting' },
        { phaseId: 'watch', title: '+1h', kind: 'checkpoint', status: 'open' },
        { phaseId: 'watch', title: '+12h', kind: 'checkpoint', status: 'waiting' },
      ],
    });
    expect(guards).toEqual({
      goLivePhasesCompleted: true,
      checkpointsSigned: false,
      rollbackCompleted: false,
      unfinishedPhases: [],
      unsignedCheckpoints: ['+12h'],
      unfinishedRollbackPhases: ['Rollback'],
    });
  });

  it('with nothing to wait for, every guard passes', () => {
    expect(deploymentGuards({ phases: phases(['Deploy', 'normal', 'completed']), gates: [] })).toMatchObject({
      goLivePhasesCompleted: true,
      checkpointsSigned: true,
      rollbackCompleted: true,
    });
  });
});
