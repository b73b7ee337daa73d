import 'server-only';
import type { GateDto } from '@/lib/contracts/gates';
import type { GateStatus } from '@/lib/domain/gates';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import type { Tx } from '@/lib/server/db';
import type { Append } from '@/lib/server/events/commit';
import { loadGate, toGateDto, type GateRow } from './gate-facts';

/**
 * After a sign-off is added or withdrawn: store the gate's new status, bump its version (so an
 * override decided on the old picture is refused as stale) and, when the change opened the gate,
 * append `gate.opened` — the second event of that transaction, attributed to whoever gave the
 * deciding sign-off.
 */
export async function recordGateChange(
  tx: Tx,
  append: Append,
  input: { gate: GateRow; status: GateStatus; now: Date; actor: SignedInActor; roleKey: string | null; seq: number },
): Promise<{ gate: GateDto; seq: number }> {
  const { gate, status, now } = input;
  const opened = status === 'open' && gate.status !== 'open';
  await tx.gate.update({
    where: { id: gate.id },
    data: { status, version: { increment: 1 }, ...(opened ? { openedAt: now } : {}) },
  });
  let seq = input.seq;
  if (opened) {
    const event = await append({
      deploymentId: gate.deploymentId,
      type: 'gate.opened',
      actorId: input.actor.userId,
      actorName: input.actor.name,
      roleKey: input.roleKey,
      data: {
        gateId: gate.id,
        gateTitle: gate.title,
        gateKind: gate.kind,
        phaseId: gate.phaseId,
        requiredRoles: gate.requiredRoles,
      },
    });
    seq = event.seq;
  }
  const viewer = { userId: input.actor.userId, seesNetwork: false };
  return { gate: await toGateDto(tx, await loadGate(tx, gate.deploymentId, gate.id), viewer), seq };
}
