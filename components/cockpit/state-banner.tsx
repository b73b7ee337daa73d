'use client';

import { cn } from '@/components/ui/cn';
import { useWarRoom } from '@/components/war-room/war-room-context';
import { currentPhase } from '@/lib/domain/cockpit';
import { isTerminal, stateLabel } from '@/lib/domain/deployment-state';
import { progress } from '@/lib/domain/phases';

/**
 * The one line nobody may miss, on every war-room screen: a rollback under way (and its
 * checklist's progress), a hold and why, or how the deployment ended. Nothing while all is normal.
 */
export function StateBanner({ audience = 'room' }: { audience?: 'room' | 'stakeholder' }) {
  const { deployment } = useWarRoom();
  const room = audience === 'room';
  const state = deployment.state;
  const held = deployment.heldFromState;
  const rollbackPhase = currentPhase(deployment.phases, state, held);
  const rollbackItems = deployment.phases.filter((p) => p.kind === 'rollback').flatMap((p) => p.items);

  if (state === 'rolling_back' || (state === 'on_hold' && held === 'rolling_back')) {
    const p = progress(rollbackItems);
    return (
      <div
        role="alert"
        className="rounded-xl border-2 border-red-600 bg-red-50 px-4 py-3 text-red-950 dark:bg-red-950 dark:text-red-50"
        data-testid="rollback-banner"
      >
        <p className="text-lg font-bold">
          <span aria-hidden>↺ </span>ROLLING BACK{state === 'on_hold' ? ' — ON HOLD' : ''}
          {rollbackPhase ? ` · ${rollbackPhase.title}` : ''}
        </p>
        {deployment.stateReason ? <p className="mt-1">{deployment.stateReason}</p> : null}
        <p className="tabular mt-1 text-sm">
          Rollback checklist: {p.done + p.skipped} of {p.total} done.{' '}
          {room ? 'Work your role’s rollback steps now.' : 'The team is restoring the previous version.'}
        </p>
      </div>
    );
  }
  if (state === 'on_hold') {
    return (
      <div
        role="status"
        className="rounded-xl border-2 border-amber-500 bg-amber-50 px-4 py-3 text-amber-950 dark:bg-amber-950 dark:text-amber-50"
        data-testid="hold-banner"
      >
        <p className="text-lg font-bold">
          <span aria-hidden>❚❚ </span>ON HOLD{held ? ` (from ${stateLabel(held).toLowerCase()})` : ''}
        </p>
        {deployment.stateReason ? <p className="mt-1">{deployment.stateReason}</p> : null}
        <p className="mt-1 text-sm">
          {room
            ? 'Stop and wait for the incident commander to resume.'
            : 'Work is paused; the team will resume or roll back.'}
        </p>
      </div>
    );
  }
  if (isTerminal(state)) {
    const look = {
      completed: {
        cls: 'border-emerald-600 bg-emerald-50 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-50',
        icon: '✓',
        text: 'COMPLETED — the go-live is done',
      },
      rolled_back: {
        cls: 'border-amber-500 bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-50',
        icon: '↺',
        text: 'ROLLED BACK — the previous version is live',
      },
      aborted: {
        cls: 'border-red-600 bg-red-50 text-red-950 dark:bg-red-950 dark:text-red-50',
        icon: '■',
        text: 'ABORTED',
      },
    }[state];
    return (
      <div role="status" className={cn('rounded-xl border-2 px-4 py-3', look.cls)} data-testid="final-banner">
        <p className="text-lg font-bold">
          <span aria-hidden>{look.icon} </span>
          {look.text}
        </p>
        {deployment.stateReason ? <p className="mt-1">{deployment.stateReason}</p> : null}
      </div>
    );
  }
  return null;
}
