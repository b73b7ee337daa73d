import 'server-only';
import type { GateDto } from '@/lib/contracts/gates';
import { checkWithdraw, gateStatus, type WithdrawRefusalCode } from '@/lib/domain/gates';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { ensureAllowed, loadAccess } from '@/lib/server/deployments/load-access';
import { AppError, type ErrorCode } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';
import { ensureNotFinished, idempotencyFor, lockDeployment } from '@/lib/server/lifecycle/lifecycle-facts';
import { gateInput, loadGate, roleNamesOf, toGateDto, toSignoff } from './gate-facts';
import { recordGateChange } from './record-gate-change';

const REFUSAL: Record<WithdrawRefusalCode, ErrorCode> = {
  not_own: 'forbidden',
  already_withdrawn: 'already_withdrawn',
  gate_closed: 'gate_closed',
};

/**
 * A signer takes back their own sign-off while the gate is still undecided; after it opened (or was
 * overridden) the decision stands. Withdrawing a rejection can leave every role approved, which
 * opens the gate: then `gate.opened` follows `gate.signoff_withdrawn` in the same transaction.
 */
export async function withdrawSignoff(
  actor: SignedInActor,
  deploymentId: string,
  gateId: string,
  signoffId: string,
  idempotencyKey?: string | null,
): Promise<{ gate: GateDto; seq: number; replayed: boolean }> {
  const access = await loadAccess(deploymentId, actor);
  const target = await prisma.gate.findFirst({ where: { id: gateId, deploymentId }, select: { requiredRoles: true } });
  if (!target) throw new AppError('not_found', 'No such gate in this deployment.');
  ensureAllowed(actor, 'gate.signoff', access, { requiredRoles: target.requiredRoles });

  const { result, replayed } = await commit(
    async (tx, append) => {
      ensureNotFinished(await lockDeployment(tx, deploymentId), 'its gates can no longer change.', {
        refusal: 'deployment_finished',
      });
      const gate = await loadGate(tx, deploymentId, gateId);
      const row = gate.signoffs.find((s) => s.id === signoffId);
      if (!row) throw new AppError('not_found', 'No such sign-off on this gate.');
      const check = checkWithdraw({ gate: gateInput(gate), signoff: toSignoff(row), userId: actor.userId });
      if (!check.ok)
        throw new AppError(
          REFUSAL[check.code],
          check.message,
          check.code === 'gate_closed' ? { gate: await toGateDto(tx, gate) } : undefined,
        );

      const now = new Date();
      await tx.signoff.update({ where: { id: signoffId }, data: { withdrawnAt: now } });
      const signoffs = gate.signoffs.map((s) => (s.id === signoffId ? { ...s, withdrawnAt: now } : s));
      const status = gateStatus(gateInput({ ...gate, signoffs }));
      const roleNames = await roleNamesOf(tx, deploymentId);
      const event = await append({
        deploymentId,
        type: 'gate.signoff_withdrawn',
        actorId: actor.userId,
        actorName: actor.name,
        roleKey: row.roleKey,
        data: {
          gateId,
          gateTitle: gate.title,
          gateKind: gate.kind,
          phaseId: gate.phaseId,
          signoffId,
          roleKey: row.roleKey,
          roleName: roleNames[row.roleKey] ?? row.roleKey,
          decision: row.decision,
          gateStatus: status,
        },
      });
      return recordGateChange(tx, append, { gate, status, now, actor, roleKey: row.roleKey, seq: event.seq });
    },
    idempotencyFor(actor.userId, idempotencyKey, `withdraw:${signoffId}`),
  );
  return { ...result, replayed };
}
