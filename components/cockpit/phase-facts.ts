import type { DeploymentDto, PhaseDto } from '@/lib/contracts/deployments';
import type { GateDto } from '@/lib/contracts/gates';
import { onRollbackTrack } from '@/lib/domain/cockpit';
import { isTerminal } from '@/lib/domain/deployment-state';
import { checkPhaseStart, nextPhase, phaseCompletion, type PhaseGate } from '@/lib/domain/phases';

/** A gate as the pure rules take it: sign-offs carry their time as a Date, not the wire's string. */
export function toPhaseGate(gate: GateDto): PhaseGate {
  return {
    title: gate.title,
    kind: gate.kind,
    requiredRoles: gate.requiredRoles,
    status: gate.status,
    overrideReason: gate.overrideReason,
    signoffs: gate.signoffs.map((s) => ({
      id: s.id,
      roleKey: s.roleKey,
      userId: s.userId,
      decision: s.decision,
      comment: s.comment,
      createdAt: new Date(s.at),
    })),
  };
}

export type PhaseStep = {
  kind: 'complete' | 'start';
  phase: PhaseDto;
  /** Why the step may not be taken yet (empty when it may): shown under the button. */
  blockers: string[];
  /** The same as one sentence, for a refused keyboard shortcut; null when the step may be taken. */
  refusal: string | null;
};

/**
 * The one phase button the rail shows now: complete the running phase of the track being worked,
 * or, between phases, start the next one. The rail's button and the `g n` shortcut both ask this,
 * so a key is refused exactly where the button is disabled, with the same words.
 */
export function phaseStep(deployment: DeploymentDto): PhaseStep | null {
  if (isTerminal(deployment.state)) return null;
  const rollback = onRollbackTrack(deployment.state, deployment.heldFromState);
  const active = deployment.phases.find((p) => (p.kind === 'rollback') === rollback && p.status === 'active');
  if (active) {
    const roleNames = Object.fromEntries(deployment.roles.map((r) => [r.key, r.name]));
    const gates = deployment.gates.filter((g) => g.phaseId === active.id).map(toPhaseGate);
    const { blockers } = phaseCompletion({ items: active.items, gates, roleNames });
    return {
      kind: 'complete',
      phase: active,
      blockers,
      refusal: blockers.length ? `“${active.title}” can’t be completed yet: ${blockers.join('; ')}.` : null,
    };
  }
  const summaries = deployment.phases;
  const next = nextPhase(summaries, rollback ? 'rolling_back' : undefined);
  if (!next) return null;
  const check = checkPhaseStart({ phases: summaries, phaseId: next.id, deploymentState: deployment.state });
  const phase = deployment.phases.find((p) => p.id === next.id)!;
  return {
    kind: 'start',
    phase,
    blockers: check.ok ? [] : [check.message],
    refusal: check.ok ? null : `${check.message}.`,
  };
}
