import { onRollbackTrack } from '@/lib/domain/cockpit';
import { isTerminal, type DeploymentState } from '@/lib/domain/deployment-state';
import type { GateStatus, SignoffDecision } from '@/lib/domain/gates';
import { checkPhaseStart, nextPhase, phaseCompletion, type ItemStatus, type PhaseGate, type PhaseItem, type PhaseKind, type PhaseStatus, type PhaseSummary } from '@/lib/domain/phases';
import type { DeploymentDto, PhaseDto } from '@/lib/contracts/deployments';
import type { GateDto } from '@/lib/contracts/gates';
import type { ItemDto } from '@/lib/contracts/items';

/** The API's DTOs in the shapes the pure rules take (the DTOs carry enums as plain strings). */
export function toPhaseSummary(phase: PhaseDto): PhaseSummary {
  return { id: phase.id, title: phase.title, kind: phase.kind as PhaseKind, status: phase.status as PhaseStatus };
}

export function toPhaseItems(items: readonly ItemDto[]): PhaseItem[] {
  return items.map((item) => ({ id: item.id, parentId: item.parentId, status: item.status as ItemStatus, roleKey: item.roleKey, children: toPhaseItems(item.children) }));
}

export function toPhaseGate(gate: GateDto): PhaseGate {
  return {
    title: gate.title,
    kind: gate.kind === 'checkpoint' ? 'checkpoint' : 'gate',
    requiredRoles: gate.requiredRoles,
    status: gate.status as GateStatus,
    overrideReason: gate.overrideReason,
    signoffs: gate.signoffs.map((s) => ({ id: s.id, roleKey: s.roleKey, userId: s.userId, decision: s.decision as SignoffDecision, comment: s.comment, createdAt: new Date(s.at) })),
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
  if (isTerminal(deployment.state as DeploymentState)) return null;
  const rollback = onRollbackTrack(deployment.state, deployment.heldFromState);
  const active = deployment.phases.find((p) => (p.kind === 'rollback') === rollback && p.status === 'active');
  if (active) {
    const roleNames = Object.fromEntries(deployment.roles.map((r) => [r.key, r.name]));
    const gates = deployment.gates.filter((g) => g.phaseId === active.id).map(toPhaseGate);
    const { blockers } = phaseCompletion({ items: toPhaseItems(active.items), gates, roleNames });
    return { kind: 'complete', phase: active, blockers, refusal: blockers.length ? `“${active.title}” can’t be completed yet: ${blockers.join('; ')}.` : null };
  }
  const summaries = deployment.phases.map(toPhaseSummary);
  const next = nextPhase(summaries, rollback ? 'rolling_back' : undefined);
  if (!next) return null;
  const check = checkPhaseStart({ phases: summaries, phaseId: next.id, deploymentState: deployment.state as DeploymentState });
  const phase = deployment.phases.find((p) => p.id === next.id)!;
  return { kind: 'start', phase, blockers: check.ok ? [] : [check.message], refusal: check.ok ? null : `${check.message}.` };
}
