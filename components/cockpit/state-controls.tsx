'use client';

import { useState } from 'react';
import { StateBadge } from '@/components/ui/badges';
import { Button } from '@/components/ui/button';
import { useCan } from '@/components/war-room/use-can';
import { useWarRoom } from '@/components/war-room/war-room-context';
import type { DeploymentDto } from '@/lib/contracts/deployments';
import { allowedTargets, checkTransition, stateLabel, type DeploymentState } from '@/lib/domain/deployment-state';
import { deploymentGuards } from '@/lib/domain/phases';
import { ROLLBACK_LEVELS, type RollbackLevelName } from '@/lib/domain/rollback';
import { rescheduleRefusal } from '@/lib/domain/schedule';
import { ReasonDialog } from './reason-dialog';
import { RescheduleDialog } from './reschedule-dialog';
import { pendingRollbackPhase, RollbackDialog } from './rollback-dialog';
import { useCockpitAction } from './use-cockpit-action';

type Ask = 'on_hold' | 'aborted' | 'rolling_back' | 'reschedule' | null;

/** The words on each move's button: what the IC does, not the state's name. */
function moveLabel(from: DeploymentState, to: DeploymentState, heldFrom: DeploymentState | null): string {
  if (from === 'on_hold' && to === heldFrom)
    return to === 'rolling_back' ? '▶ Resume rollback' : `▶ Resume (${stateLabel(to).toLowerCase()})`;
  switch (to) {
    case 'preflight':
      return '✈ Start preflight';
    case 'in_progress':
      return '▶ Go live';
    case 'monitoring':
      return '◉ Move to monitoring';
    case 'completed':
      return '✓ Complete deployment';
    case 'rolled_back':
      return '↺ Mark rolled back';
    case 'on_hold':
      return '❚❚ Hold…';
    case 'aborted':
      return '■ Abort…';
    case 'rolling_back':
      return '↺ Roll back…';
    default:
      return stateLabel(to);
  }
}

export function guardsOf(deployment: DeploymentDto) {
  return deploymentGuards({
    phases: deployment.phases,
    gates: deployment.gates,
  });
}

/**
 * The IC's state machine buttons: exactly the moves `allowedTargets` allows from here. A move the
 * guards refuse now stays visible but disabled, with the reason under it — so the IC sees what to
 * finish first. Hold, abort and rollback ask for a reason first.
 */
export function StateControls() {
  const { deployment } = useWarRoom();
  const action = useCockpitAction(deployment.id);
  const [ask, setAsk] = useState<Ask>(null);
  const drive = useCan()('deployment.drive');
  if (!drive) return null;

  const state = deployment.state;
  const heldFrom = deployment.heldFromState;
  const context = guardsOf(deployment);
  // Completing the last rollback phase ends the deployment as rolled back by itself; the button is
  // only for runbooks without a rollback phase.
  const hasRollbackPhases = deployment.phases.some((p) => p.kind === 'rollback');
  const targets = allowedTargets(state, heldFrom).filter((to) => !(to === 'rolled_back' && hasRollbackPhases));
  const rollbackPhase = pendingRollbackPhase(deployment.phases);
  const suggested: RollbackLevelName = ROLLBACK_LEVELS[Math.min(Math.max(deployment.health.level, 1), 3) - 1];

  const move = (to: DeploymentState, reason?: string) =>
    action.mutate(
      {
        path: '/transitions',
        body: { to, reason },
        done: `Deployment ${to === heldFrom ? 'resumed' : `moved to ${stateLabel(to).toLowerCase()}`}.`,
      },
      { onSuccess: () => setAsk(null) },
    );

  const buttons = targets.map((to) => {
    const resume = state === 'on_hold' && to === heldFrom;
    const asks = !resume && (to === 'on_hold' || to === 'aborted' || to === 'rolling_back');
    // Reason and level are asked in the dialog; here only the guards decide.
    const check = asks ? { ok: true as const } : checkTransition({ from: state, to, heldFrom, context });
    const refusal = check.ok ? null : check.message;
    const danger = to === 'aborted' || to === 'rolling_back';
    const primary = !danger && to !== 'on_hold';
    return (
      <div key={to} className="flex min-w-0 flex-col gap-1">
        <Button
          variant={danger ? 'danger' : primary ? 'primary' : 'secondary'}
          className="min-h-11 px-4 text-base disabled:opacity-50"
          disabled={Boolean(refusal) || action.isPending}
          data-testid={`move-${to}`}
          onClick={() => (asks ? setAsk(to as Ask) : move(to))}
        >
          {moveLabel(state, to, heldFrom)}
        </Button>
        {refusal ? <p className="max-w-xs text-xs text-muted">{refusal}</p> : null}
      </div>
    );
  });

  return (
    <section
      aria-labelledby="controls-title"
      className="rounded-xl border border-line bg-surface p-4"
      data-testid="state-controls"
    >
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 id="controls-title" className="text-lg font-semibold">
          Drive the go-live
        </h2>
        <StateBadge state={state} />
        {state === 'on_hold' && heldFrom ? (
          <span className="text-sm text-muted">held from {stateLabel(heldFrom).toLowerCase()}</span>
        ) : null}
      </div>
      {targets.length ? (
        <div className="flex flex-wrap items-start gap-3">
          {buttons}
          {rescheduleRefusal(state, heldFrom) === null ? (
            <Button
              variant="secondary"
              className="min-h-11 px-4 text-base disabled:opacity-50"
              disabled={action.isPending}
              data-testid="move-go-live"
              onClick={() => setAsk('reschedule')}
            >
              ⏱ Move go-live…
            </Button>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-muted">{stateLabel(state)} is final: nothing more to drive.</p>
      )}
      {ask === 'on_hold' ? (
        <ReasonDialog
          title="Put the deployment on hold"
          label="Why hold?"
          hint="Work stops until you resume; the reason shows on every screen and on the timeline."
          confirm="❚❚ Hold"
          busy={action.isPending}
          onConfirm={(reason) => move('on_hold', reason)}
          onClose={() => setAsk(null)}
          testId="hold-dialog"
        />
      ) : null}
      {ask === 'aborted' ? (
        <ReasonDialog
          title="Abort the deployment"
          label="Why abort?"
          hint="Aborted is final: the war room closes and a new deployment is needed to try again."
          confirm="■ Abort"
          tone="danger"
          busy={action.isPending}
          onConfirm={(reason) => move('aborted', reason)}
          onClose={() => setAsk(null)}
          testId="abort-dialog"
        />
      ) : null}
      {ask === 'reschedule' ? (
        <RescheduleDialog
          goLiveAt={deployment.goLiveAt}
          busy={action.isPending}
          onConfirm={(input) =>
            action.mutate(
              { path: '/reschedule', body: input, done: 'Go-live moved: the status page and its calendar follow.' },
              { onSuccess: () => setAsk(null) },
            )
          }
          onClose={() => setAsk(null)}
        />
      ) : null}
      {ask === 'rolling_back' ? (
        <RollbackDialog
          suggested={suggested}
          rollbackPhase={rollbackPhase}
          busy={action.isPending}
          onConfirm={(input) =>
            action.mutate(
              {
                path: '/rollback',
                body: input,
                done: 'Rollback declared: every role now sees the rollback checklist.',
              },
              { onSuccess: () => setAsk(null) },
            )
          }
          onClose={() => setAsk(null)}
        />
      ) : null}
    </section>
  );
}
