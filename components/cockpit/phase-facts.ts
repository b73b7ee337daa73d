import type { GateStatus, SignoffDecision } from '@/lib/domain/gates';
import type { ItemStatus, PhaseGate, PhaseItem, PhaseKind, PhaseStatus, PhaseSummary } from '@/lib/domain/phases';
import type { GateDto, PhaseDto } from '@/lib/server/deployments/get-deployment';
import type { ItemDto } from '@/lib/server/checklist/item-dto';

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
