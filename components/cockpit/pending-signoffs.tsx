'use client';

import { useWarRoom } from '@/components/war-room/war-room-context';
import { mySignoffTasks, trackPhases } from '@/lib/domain/cockpit';
import { isTerminal } from '@/lib/domain/deployment-state';
import { GatePanel } from './gate-panel';

/**
 * On a role's checklist page: the undecided gates that need this role, for a holder of the role —
 * GO / NO-GO right where they work. Gates they already signed stay listed (to withdraw or change
 * their mind) until the gate is decided.
 */
export function PendingSignoffs({ roleKey }: { roleKey: string }) {
  const { deployment } = useWarRoom();
  const roleKeys = deployment.me.roles.filter((r) => !r.readOnly).map((r) => r.key);
  if (!roleKeys.includes(roleKey) || isTerminal(deployment.state)) return null;
  // Only the track being worked: once a rollback is declared, the go-live gates are moot.
  const phaseIds = new Set(trackPhases(deployment.phases, deployment.state, deployment.heldFromState).map((p) => p.id));
  const tasks = mySignoffTasks({
    gates: deployment.gates.filter((g) => phaseIds.has(g.phaseId)),
    userId: deployment.me.userId,
    roleKeys,
    onlyRole: roleKey,
  });
  if (tasks.length === 0) return null;
  const phaseTitle = (phaseId: string) => deployment.phases.find((p) => p.id === phaseId)?.title ?? '';
  const waiting = tasks.filter((t) => t.pending).length;
  return (
    <section aria-labelledby="my-signoffs-title" className="flex flex-col gap-3" data-testid="pending-signoffs">
      <h2 id="my-signoffs-title" className="text-xl font-semibold">
        {waiting ? 'Your pending sign-offs' : 'Your sign-offs, waiting for the others'}
        {waiting ? (
          <span className="tabular ml-2 rounded-full bg-amber-500 px-2 py-0.5 text-sm text-slate-950">{waiting}</span>
        ) : null}
      </h2>
      {tasks.map(({ gate }) => {
        const dto = deployment.gates.find((g) => g.id === gate.id)!;
        return (
          <div key={gate.id} className="flex flex-col gap-1">
            <p className="text-sm text-muted">Phase: {phaseTitle(gate.phaseId)}</p>
            <GatePanel gate={dto} />
          </div>
        );
      })}
    </section>
  );
}
