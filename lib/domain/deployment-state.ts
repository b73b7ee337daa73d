/**
 * The deployment state machine: which moves the incident commander may make, and why a refused
 * move is refused. The server asks `checkTransition` before every state change; the UI asks
 * `allowedTargets` to decide which buttons to show.
 *
 *   planned → preflight → in_progress → monitoring → completed
 *   on_hold       from any active state, back only to where it was held
 *   rolling_back  from preflight / in_progress / monitoring / on_hold, then → rolled_back
 *   aborted       from planned / preflight / in_progress / monitoring / on_hold
 */

/** Mirrors the Prisma `DeploymentState` enum. */
export type DeploymentState =
  | 'planned'
  | 'preflight'
  | 'in_progress'
  | 'monitoring'
  | 'on_hold'
  | 'rolling_back'
  | 'completed'
  | 'rolled_back'
  | 'aborted';

export const DEPLOYMENT_STATES: readonly DeploymentState[] = [
  'planned',
  'preflight',
  'in_progress',
  'monitoring',
  'on_hold',
  'rolling_back',
  'completed',
  'rolled_back',
  'aborted',
];

/** States in which people are working: phases run, and the deployment can be put on hold. */
export const ACTIVE_STATES = ['preflight', 'in_progress', 'monitoring', 'rolling_back'] as const;
export type ActiveState = (typeof ACTIVE_STATES)[number];

/**
 * Final states: the deployment is finished, and nothing changes it once it is here. The one rule for
 * "finished": ask `isTerminal`, never a list of your own.
 */
export const TERMINAL_STATES = ['completed', 'rolled_back', 'aborted'] as const;
export type TerminalState = (typeof TERMINAL_STATES)[number];

/** Decision-tree level the rollback was declared at (1 minor · 2 major · 3 critical). */
export type RollbackLevel = 1 | 2 | 3;

/**
 * Facts the guards need, computed by the caller from phases and gates (see `deploymentGuards` in
 * phases.ts). A guard passes only on an explicit `true`: a caller that forgets to compute a fact
 * is refused rather than let through.
 */
export type TransitionContext = {
  /** Every go-live phase (not monitoring, not rollback) is completed or skipped. Needed → monitoring. */
  goLivePhasesCompleted?: boolean;
  /** Every monitoring checkpoint is open or overridden. Needed → completed. */
  checkpointsSigned?: boolean;
  /** Every rollback phase is completed or skipped. Needed → rolled_back. */
  rollbackCompleted?: boolean;
  /** Optional titles named in the refusal, so the IC knows what is still open. */
  unfinishedPhases?: readonly string[];
  unsignedCheckpoints?: readonly string[];
  unfinishedRollbackPhases?: readonly string[];
};

export type TransitionRequest = {
  from: DeploymentState;
  to: DeploymentState;
  /** The deployment's `heldFromState`: required when `from` is on_hold. */
  heldFrom?: DeploymentState | null;
  /** Why: required to hold, abort or roll back. */
  reason?: string | null;
  /** Required to roll back. */
  level?: number | null;
  context?: TransitionContext;
};

export type TransitionRefusalCode =
  | 'illegal_transition'
  | 'already_in_state'
  | 'reason_required'
  | 'level_required'
  | 'held_from_required'
  | 'phases_incomplete'
  | 'checkpoints_unsigned'
  | 'rollback_incomplete';

export type TransitionCheck =
  /** `heldFromState` is the value to store on the deployment with the new state. */
  { ok: true; heldFromState: DeploymentState | null } | { ok: false; code: TransitionRefusalCode; message: string };

const LABELS: Record<DeploymentState, string> = {
  planned: 'Planned',
  preflight: 'Preflight',
  in_progress: 'In progress',
  monitoring: 'Monitoring',
  on_hold: 'On hold',
  rolling_back: 'Rolling back',
  completed: 'Completed',
  rolled_back: 'Rolled back',
  aborted: 'Aborted',
};

export function stateLabel(state: DeploymentState): string {
  return LABELS[state];
}

/** How a state reads after "The deployment is already …". */
const AS_PREDICATE: Record<DeploymentState, string> = {
  planned: 'planned',
  preflight: 'in preflight',
  in_progress: 'in progress',
  monitoring: 'in monitoring',
  on_hold: 'on hold',
  rolling_back: 'rolling back',
  completed: 'completed',
  rolled_back: 'rolled back',
  aborted: 'aborted',
};

/** The IC's action that moves a deployment into a state, for "from here you can …". */
const ACTION: Record<DeploymentState, string> = {
  planned: 'replan',
  preflight: 'start preflight',
  in_progress: 'go live',
  monitoring: 'move to monitoring',
  on_hold: 'hold',
  rolling_back: 'roll back',
  completed: 'complete',
  rolled_back: 'mark it rolled back',
  aborted: 'abort',
};

/** Label for use inside a sentence ("resume to in progress"). */
function inSentence(state: DeploymentState): string {
  return LABELS[state].toLowerCase();
}

/** The go-live track is being worked: its phases start and complete (the rollback track's is rolling_back). */
export const GO_LIVE_STATES: readonly DeploymentState[] = ['preflight', 'in_progress', 'monitoring'];

export function isOnGoLiveTrack(state: string): boolean {
  return (GO_LIVE_STATES as readonly string[]).includes(state);
}

/** Under way: no longer planned and not yet finished, on hold and rolling back included (the list's Live). */
export function isUnderWay(state: string): boolean {
  return state !== 'planned' && !isTerminal(state);
}

export function isActive(state: DeploymentState): state is ActiveState {
  return (ACTIVE_STATES as readonly string[]).includes(state);
}

/** Whether the deployment is finished. Takes any string, as states arrive untyped from rows and events. */
export function isTerminal(state: string): state is TerminalState {
  return (TERMINAL_STATES as readonly string[]).includes(state);
}

export function isDeploymentState(value: unknown): value is DeploymentState {
  return (DEPLOYMENT_STATES as readonly unknown[]).includes(value);
}

/** The refusal for a change to a finished deployment: "The deployment is rolled back: its gates can no longer change." */
export function finishedMessage(state: TerminalState, consequence: string): string {
  return `The deployment is ${inSentence(state)}: ${consequence}`;
}

/** Moves out of every state except on_hold, whose moves depend on where it was held. */
const MOVES: Record<Exclude<DeploymentState, 'on_hold'>, readonly DeploymentState[]> = {
  planned: ['preflight', 'aborted'],
  preflight: ['in_progress', 'on_hold', 'rolling_back', 'aborted'],
  in_progress: ['monitoring', 'on_hold', 'rolling_back', 'aborted'],
  monitoring: ['completed', 'on_hold', 'rolling_back', 'aborted'],
  // A rollback is the safe way out; it can pause but not be abandoned half-way.
  rolling_back: ['rolled_back', 'on_hold'],
  completed: [],
  rolled_back: [],
  aborted: [],
};

/** Where a deployment held from `heldFrom` may go: back where it was, or out via rollback/abort. */
function movesFromHold(heldFrom: ActiveState): DeploymentState[] {
  if (heldFrom === 'rolling_back') return ['rolling_back'];
  return [heldFrom, 'rolling_back', 'aborted'];
}

/** Targets the UI may offer from `from` (the guards may still refuse; ask `checkTransition`). */
export function allowedTargets(from: DeploymentState, heldFrom?: DeploymentState | null): DeploymentState[] {
  if (from !== 'on_hold') return [...MOVES[from]];
  return heldFrom && isActive(heldFrom) ? movesFromHold(heldFrom) : [];
}

const refuse = (code: TransitionRefusalCode, message: string): TransitionCheck => ({ ok: false, code, message });

const FINAL_MESSAGES: Record<TerminalState, string> = {
  completed: 'Completed is final: nothing can change it',
  rolled_back: 'Rolled back is final: plan a new deployment to try again',
  aborted: 'Aborted is final: plan a new deployment to try again',
};

function listOr(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function illegalMessage(from: DeploymentState, to: DeploymentState, heldFrom: ActiveState | null): string {
  if (isTerminal(from)) return FINAL_MESSAGES[from];
  if (from === 'on_hold' && heldFrom === 'rolling_back') {
    return 'A deployment on hold can only resume to rolling back, where it was held: a rollback cannot be abandoned';
  }
  if (from === 'on_hold' && heldFrom) {
    return `A deployment on hold can only resume to ${inSentence(heldFrom)}, where it was held — or roll back, or abort`;
  }
  if (from === 'rolling_back' && to === 'aborted') {
    return 'A rollback cannot be aborted: finish it, then mark the deployment rolled back';
  }
  if (from === 'rolling_back') return 'A rollback cannot be undone: finish it, then mark the deployment rolled back';
  if (to === 'planned') return 'A deployment cannot go back to planned once preflight has started';
  if (from === 'planned' && (to === 'on_hold' || to === 'rolling_back' || to === 'rolled_back')) {
    return `Nothing is running yet, so there is nothing to ${to === 'on_hold' ? 'hold' : 'roll back'}: start preflight, or abort`;
  }
  if (to === 'rolled_back') return 'Declare a rollback first: a deployment is rolled back only after rolling back';
  const next = allowedTargets(from, heldFrom).map((state) => ACTION[state]);
  return `${stateLabel(from)} cannot move to ${inSentence(to)}: from here you can ${listOr(next)}`;
}

/** Decides whether `from → to` is allowed now, and if not, says what to do instead. */
export function checkTransition(req: TransitionRequest): TransitionCheck {
  const { from, to, context = {} } = req;
  const reason = req.reason?.trim() ?? '';
  let heldFrom: ActiveState | null = null;

  if (from === to) return refuse('already_in_state', `The deployment is already ${AS_PREDICATE[from]}`);

  if (from === 'on_hold') {
    if (!req.heldFrom || !isActive(req.heldFrom)) {
      return refuse(
        'held_from_required',
        'It is not recorded where this deployment was held from, so it cannot resume',
      );
    }
    heldFrom = req.heldFrom;
    // Resuming returns to a state whose guards were already passed on the way in.
    if (to === heldFrom) return { ok: true, heldFromState: null };
  }

  if (!allowedTargets(from, heldFrom).includes(to)) {
    return refuse('illegal_transition', illegalMessage(from, to, heldFrom));
  }

  if (to === 'on_hold' && !reason)
    return refuse('reason_required', 'Say why the deployment is on hold: the reason goes on the timeline');
  if (to === 'aborted' && !reason)
    return refuse('reason_required', 'Say why the deployment is aborted: the reason goes on the timeline');
  if (to === 'rolling_back') {
    if (req.level !== 1 && req.level !== 2 && req.level !== 3) {
      return refuse('level_required', 'Choose the rollback level: 1 minor, 2 major or 3 critical');
    }
    if (!reason)
      return refuse('reason_required', 'Say why the deployment is rolling back: the reason goes on the timeline');
  }

  if (to === 'monitoring' && context.goLivePhasesCompleted !== true) {
    return refuse(
      'phases_incomplete',
      withNames('Monitoring needs every go-live phase completed first', 'still open', context.unfinishedPhases),
    );
  }
  if (to === 'completed' && context.checkpointsSigned !== true) {
    return refuse(
      'checkpoints_unsigned',
      withNames(
        'Completed needs every monitoring checkpoint signed first',
        'still waiting',
        context.unsignedCheckpoints,
      ),
    );
  }
  if (to === 'rolled_back' && context.rollbackCompleted !== true) {
    return refuse(
      'rollback_incomplete',
      withNames('Rolled back needs the rollback phase completed first', 'still open', context.unfinishedRollbackPhases),
    );
  }

  return { ok: true, heldFromState: to === 'on_hold' ? from : null };
}

function withNames(message: string, what: string, names: readonly string[] | undefined): string {
  return names && names.length > 0 ? `${message} (${what}: ${names.map((n) => `'${n}'`).join(', ')})` : message;
}
