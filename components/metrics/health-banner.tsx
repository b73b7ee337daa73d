'use client';

import { useState } from 'react';
import { pendingRollbackPhase, RollbackDialog } from '@/components/cockpit/rollback-dialog';
import { healthLook } from '@/components/ui/badges';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { useCan } from '@/components/war-room/use-can';
import { useWarRoom } from '@/components/war-room/war-room-context';
import { allowedTargets } from '@/lib/domain/deployment-state';
import { needsAcknowledgement } from '@/lib/domain/metrics/acknowledgement';
import { seriesLabel } from '@/lib/domain/metrics/format';
import { useHealthActions } from './use-health-actions';

// The banner's own boxes; icon and words come from healthLook, like every other health badge.
const BOX: Record<1 | 2 | 3, string> = {
  1: 'border-emerald-600/40 bg-emerald-50 text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950/50 dark:text-emerald-100',
  2: 'border-amber-500 bg-amber-50 text-amber-950 dark:border-amber-600 dark:bg-amber-950/60 dark:text-amber-50',
  3: 'border-red-500 bg-red-50 text-red-950 dark:border-red-600 dark:bg-red-950/70 dark:text-red-50',
};

/** Prefilled rollback reason: what the health engine saw, in words. */
export function rollbackReason(level: number, reasons: readonly string[]): string {
  return `Health level ${level} (${healthLook(level === 3 ? 3 : 2).title.toLowerCase()}): ${reasons.join('; ') || 'see metrics'}`;
}

/**
 * The recommendation, for everyone: level 2 amber "Prepare rollback", level 3 red "Roll back now",
 * with the reasons in words. The IC acknowledges level 2 and 3, and at level 3 can declare the
 * rollback with the reasons already filled in.
 */
export function HealthBanner() {
  const { deployment } = useWarRoom();
  const { level, reasons, stale, acknowledgedLevel } = deployment.health;
  const [declaring, setDeclaring] = useState(false);
  const can = useCan();
  const mayAcknowledge = can('health.acknowledge');
  // Offered only where the state machine allows it: a planned deployment has nothing to roll back.
  const mayDeclare =
    can('deployment.drive') && allowedTargets(deployment.state, deployment.heldFromState).includes('rolling_back');
  const { acknowledge, declare } = useHealthActions(deployment.id, () => setDeclaring(false));

  if (level === 1 && reasons.length === 0 && stale.length === 0) return null;
  const look = healthLook(level);
  const box = BOX[level === 3 ? 3 : level === 2 ? 2 : 1];
  const waitingForAck = needsAcknowledgement(level, acknowledgedLevel);

  return (
    <section
      role={level >= 2 ? 'alert' : 'status'}
      aria-label={`Health level ${level}: ${look.title}`}
      data-testid="health-banner"
      data-level={level}
      className={cn('rounded-lg border-2 p-3', box)}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h2 className="flex items-center gap-2 text-lg font-bold">
          <span aria-hidden>{look.icon}</span>
          <span>
            Level {level} · {look.title}
          </span>
        </h2>
        {level >= 2 ? (
          <span className="text-sm" data-testid="health-ack">
            {waitingForAck ? '◷ Waiting for the IC to acknowledge' : '✓ Acknowledged by the IC'}
          </span>
        ) : null}
        <div className="ml-auto flex flex-wrap gap-2">
          {mayAcknowledge && waitingForAck ? (
            <Button variant="secondary" onClick={() => acknowledge.mutate(level)} disabled={acknowledge.isPending}>
              Acknowledge level {level}
            </Button>
          ) : null}
          {mayDeclare && level === 3 && !declaring ? (
            <Button variant="danger" onClick={() => setDeclaring(true)}>
              ↺ Declare rollback
            </Button>
          ) : null}
        </div>
      </div>
      {reasons.length ? (
        <ul className="mt-2 list-disc pl-6 text-sm" data-testid="health-reasons">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {stale.length ? (
        <p className="mt-1 text-sm opacity-90">
          ⌀ No recent data: {stale.map((s) => seriesLabel(s)).join(', ')} — missing data is not a sign of health.
        </p>
      ) : null}
      {declaring ? (
        <RollbackDialog
          suggested="critical"
          initialReason={rollbackReason(level, reasons)}
          rollbackPhase={pendingRollbackPhase(deployment.phases)}
          busy={declare.isPending}
          onConfirm={(input) => declare.mutate(input)}
          onClose={() => setDeclaring(false)}
        />
      ) : null}
    </section>
  );
}
