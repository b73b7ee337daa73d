import { describe, expect, it } from 'vitest';
import {
  ACTIVE_STATES,
  DEPLOYMENT_STATES,
  TERMINAL_STATES,
  allowedTargets,
  checkTransition,
  finishedMessage,
  isOnGoLiveTrack,
  isTerminal,
  isUnderWay,
  stateLabel,
  type DeploymentState,
  type TransitionContext,
} from './deployment-state';

/** Every guard satisfied, so only the shape of the move decides. */
const ALL_MET: TransitionContext = { goLivePhasesCompleted: true, checkpointsSigned: true, rollbackCompleted: true };
const FULL = { reason: 'Error rate above 5 %', level: 3, context: ALL_MET };

/** The legal moves, written out independently of the implementation's table. */
const LEGAL: Record<Exclude<DeploymentState, 'on_hold'>, DeploymentState[]> = {
  planned: ['preflight', 'aborted'],
  preflight: ['in_progress', 'on_hold', 'rolling_back', 'aborted'],
  in_progress: ['monitoring', 'on_hold', 'rolling_back', 'aborted'],
  monitoring: ['completed', 'on_hold', 'rolling_back', 'aborted'],
  rolling_back: ['rolled_back', 'on_hold'],
  completed: [],
  rolled_back: [],
  aborted: [],
};
const LEGAL_FROM_HOLD: Record<(typeof ACTIVE_STATES)[number], DeploymentState[]> = {
  preflight: ['preflight', 'rolling_back', 'aborted'],
  in_progress: ['in_progress', 'rolling_back', 'aborted'],
  monitoring: ['monitoring', 'rolling_back', 'aborted'],
  rolling_back: ['rolling_back'],
};

const pairs = DEPLOYMENT_STATES.filter((s) => s !== 'on_hold').flatMap((from) =>
  DEPLOYMENT_STATES.map((to) => ({ from, to, legal: LEGAL[from as keyof typeof LEGAL].includes(to) })),
);
const holdPairs = ACTIVE_STATES.flatMap((heldFrom) =>
  DEPLOYMENT_STATES.map((to) => ({ heldFrom, to, legal: LEGAL_FROM_HOLD[heldFrom].includes(to) })),
);

describe('every transition, allowed and refused', () => {
  it.each(pairs)('$from → $to (allowed: $legal)', ({ from, to, legal }) => {
    const result = checkTransition({ from, to, ...FULL });
    if (legal) expect(result).toEqual({ ok: true, heldFromState: to === 'on_hold' ? from : null });
    else expect(result).toMatchObject({ ok: false, code: from === to ? 'already_in_state' : 'illegal_transition' });
  });

  it.each(holdPairs)('on hold (held from $heldFrom) → $to (allowed: $legal)', ({ heldFrom, to, legal }) => {
    const result = checkTransition({ from: 'on_hold', heldFrom, to, ...FULL });
    if (legal) expect(result).toEqual({ ok: true, heldFromState: null });
    else
      expect(result).toMatchObject({ ok: false, code: to === 'on_hold' ? 'already_in_state' : 'illegal_transition' });
  });

  it('allowedTargets offers exactly the legal moves, for the UI buttons', () => {
    for (const from of DEPLOYMENT_STATES.filter((s) => s !== 'on_hold')) {
      expect(allowedTargets(from).sort()).toEqual([...LEGAL[from as keyof typeof LEGAL]].sort());
    }
    for (const heldFrom of ACTIVE_STATES) {
      expect(allowedTargets('on_hold', heldFrom).sort()).toEqual([...LEGAL_FROM_HOLD[heldFrom]].sort());
    }
    expect(allowedTargets('on_hold', null)).toEqual([]);
  });

  it('offers no way out of a final state', () => {
    for (const state of TERMINAL_STATES) expect(allowedTargets(state)).toEqual([]);
  });
});

describe('messages say what to do next', () => {
  it('a hold resumes only where it was held', () => {
    const result = checkTransition({ from: 'on_hold', heldFrom: 'in_progress', to: 'monitoring', context: ALL_MET });
    expect(result).toMatchObject({ ok: false, code: 'illegal_transition' });
    if (!result.ok)
      expect(result.message).toContain('A deployment on hold can only resume to in progress, where it was held');
  });

  it('completed is final', () => {
    expect(checkTransition({ from: 'completed', to: 'in_progress' })).toEqual({
      ok: false,
      code: 'illegal_transition',
      message: 'Completed is final: nothing can change it',
    });
  });

  it('skipping ahead names the next legal steps', () => {
    const result = checkTransition({ from: 'planned', to: 'in_progress' });
    expect(result).toMatchObject({ ok: false, code: 'illegal_transition' });
    if (!result.ok)
      expect(result.message).toBe('Planned cannot move to in progress: from here you can start preflight or abort');
  });

  it('a rollback cannot be aborted, directly or through a hold', () => {
    for (const attempt of [
      checkTransition({ from: 'rolling_back', to: 'aborted', reason: 'give up' }),
      checkTransition({ from: 'on_hold', heldFrom: 'rolling_back', to: 'aborted', reason: 'give up' }),
    ]) {
      expect(attempt).toMatchObject({ ok: false, code: 'illegal_transition' });
      if (!attempt.ok) expect(attempt.message).toMatch(/rollback/);
    }
  });

  it('labels states as people say them', () => {
    expect(stateLabel('in_progress')).toBe('In progress');
    expect(stateLabel('on_hold')).toBe('On hold');
    expect(stateLabel('rolling_back')).toBe('Rolling back');
    expect(stateLabel('rolled_back')).toBe('Rolled back');
  });

  it('says a finished deployment is finished, in its own words', () => {
    expect(DEPLOYMENT_STATES.filter((state) => isTerminal(state))).toEqual(['completed', 'rolled_back', 'aborted']);
    expect(isTerminal('rolling_back')).toBe(false);
    expect(finishedMessage('rolled_back', 'its gates can no longer change.')).toBe(
      'The deployment is rolled back: its gates can no longer change.',
    );
  });
});

describe('reasons and rollback levels', () => {
  it('hold, abort and rollback need a reason that is more than spaces', () => {
    expect(checkTransition({ from: 'in_progress', to: 'on_hold', reason: '   ' })).toMatchObject({
      code: 'reason_required',
    });
    expect(checkTransition({ from: 'planned', to: 'aborted' })).toMatchObject({ code: 'reason_required' });
    expect(checkTransition({ from: 'on_hold', heldFrom: 'monitoring', to: 'aborted', reason: '' })).toMatchObject({
      code: 'reason_required',
    });
    expect(checkTransition({ from: 'monitoring', to: 'rolling_back', level: 2 })).toMatchObject({
      code: 'reason_required',
    });
  });

  it('rollback needs a decision-tree level 1, 2 or 3', () => {
    expect(checkTransition({ from: 'in_progress', to: 'rolling_back', reason: 'p99 > 2 s' })).toMatchObject({
      code: 'level_required',
    });
    expect(checkTransition({ from: 'in_progress', to: 'rolling_back', reason: 'p99 > 2 s', level: 4 })).toMatchObject({
      code: 'level_required',
    });
    expect(checkTransition({ from: 'in_progress', to: 'rolling_back', reason: 'p99 > 2 s', level: 2 })).toEqual({
      ok: true,
      heldFromState: null,
    });
  });

  it('rolling back from a hold is a new rollback decision; resuming a held rollback is not', () => {
    expect(checkTransition({ from: 'on_hold', heldFrom: 'in_progress', to: 'rolling_back' })).toMatchObject({
      code: 'level_required',
    });
    expect(checkTransition({ from: 'on_hold', heldFrom: 'rolling_back', to: 'rolling_back' })).toEqual({
      ok: true,
      heldFromState: null,
    });
  });

  it('resuming needs no reason and clears where it was held from', () => {
    expect(checkTransition({ from: 'on_hold', heldFrom: 'preflight', to: 'preflight' })).toEqual({
      ok: true,
      heldFromState: null,
    });
  });

  it('a hold remembers where it came from', () => {
    expect(checkTransition({ from: 'rolling_back', to: 'on_hold', reason: 'DB locked' })).toEqual({
      ok: true,
      heldFromState: 'rolling_back',
    });
  });

  it('a hold with no record of where it came from cannot resume', () => {
    expect(checkTransition({ from: 'on_hold', to: 'in_progress' })).toMatchObject({ code: 'held_from_required' });
    expect(checkTransition({ from: 'on_hold', heldFrom: 'planned', to: 'planned' })).toMatchObject({
      code: 'held_from_required',
    });
  });
});

describe('guards', () => {
  it('monitoring needs every go-live phase completed', () => {
    const refused = checkTransition({
      from: 'in_progress',
      to: 'monitoring',
      context: { goLivePhasesCompleted: false, unfinishedPhases: ['Validation'] },
    });
    expect(refused).toEqual({
      ok: false,
      code: 'phases_incomplete',
      message: "Monitoring needs every go-live phase completed first (still open: 'Validation')",
    });
    expect(
      checkTransition({ from: 'in_progress', to: 'monitoring', context: { goLivePhasesCompleted: true } }).ok,
    ).toBe(true);
  });

  it('an unknown guard fact refuses rather than lets through', () => {
    expect(checkTransition({ from: 'in_progress', to: 'monitoring' })).toMatchObject({ code: 'phases_incomplete' });
    expect(checkTransition({ from: 'monitoring', to: 'completed' })).toMatchObject({ code: 'checkpoints_unsigned' });
    expect(checkTransition({ from: 'rolling_back', to: 'rolled_back' })).toMatchObject({ code: 'rollback_incomplete' });
  });

  it('completed needs every checkpoint signed; rolled back needs the rollback phase done', () => {
    expect(
      checkTransition({
        from: 'monitoring',
        to: 'completed',
        context: { checkpointsSigned: false, unsignedCheckpoints: ['+12h'] },
      }),
    ).toMatchObject({ code: 'checkpoints_unsigned', message: expect.stringContaining("'+12h'") });
    expect(checkTransition({ from: 'monitoring', to: 'completed', context: { checkpointsSigned: true } }).ok).toBe(
      true,
    );
    expect(checkTransition({ from: 'rolling_back', to: 'rolled_back', context: { rollbackCompleted: true } }).ok).toBe(
      true,
    );
  });

  it('resuming monitoring from a hold does not re-run the guard it already passed', () => {
    expect(checkTransition({ from: 'on_hold', heldFrom: 'monitoring', to: 'monitoring', context: {} }).ok).toBe(true);
  });
});

describe('where a deployment stands', () => {
  it('is under way from pre-flight until it finishes, on hold and rolling back included', () => {
    for (const state of ['preflight', 'in_progress', 'monitoring', 'on_hold', 'rolling_back'] as const)
      expect(isUnderWay(state)).toBe(true);
    for (const state of ['planned', 'completed', 'rolled_back', 'aborted'] as const)
      expect(isUnderWay(state)).toBe(false);
  });

  it('works the go-live track in pre-flight, in progress and monitoring only', () => {
    expect(DEPLOYMENT_STATES.filter(isOnGoLiveTrack)).toEqual(['preflight', 'in_progress', 'monitoring']);
  });
});
