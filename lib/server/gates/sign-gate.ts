import 'server-only';
import type { GateDto, SignoffDto } from '@/lib/contracts/gates';
import { checkSignoff, gateStatus, type SignoffRefusalCode } from '@/lib/domain/gates';
import type { SignoffInput } from '@/lib/schemas/gate';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { requireRecentAuth } from '@/lib/server/auth/step-up';
import { prisma } from '@/lib/server/db';
import { ensureAllowed, loadAccess } from '@/lib/server/deployments/load-access';
import { AppError, type ErrorCode } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';
import { ensureNotFinished, idempotencyFor, lockDeployment } from '@/lib/server/lifecycle/lifecycle-facts';
import { gateInput, latestMetrics, loadGate, roleNamesOf, toGateDto, toSignoffDto } from './gate-facts';
import { recordGateChange } from './record-gate-change';

const REFUSAL: Record<SignoffRefusalCode, ErrorCode> = {
  gate_closed: 'gate_closed',
  not_a_signer: 'forbidden',
  role_not_held: 'forbidden',
  role_required: 'role_required',
  role_not_required: 'role_not_required',
  comment_required: 'comment_required',
  already_signed: 'already_signed',
  same_signer: 'same_signer',
};

export type SignResult = { signoff: SignoffDto; gate: GateDto; seq: number };

/**
 * A holder of a required role approves or rejects a gate. The sign-off records person, role, time,
 * comment and the newest metric values. Changing one's mind supersedes the earlier sign-off in the
 * same transaction. Events: `gate.signed`, plus `gate.opened` when this approval was the last one
 * the gate needed (two events, one transaction).
 */
export async function signGate(
  actor: SignedInActor,
  deploymentId: string,
  gateId: string,
  input: SignoffInput,
  idempotencyKey?: string | null,
): Promise<SignResult & { replayed: boolean }> {
  const access = await loadAccess(deploymentId, actor);
  const target = await prisma.gate.findFirst({ where: { id: gateId, deploymentId }, select: { requiredRoles: true } });
  if (!target) throw new AppError('not_found', 'No such gate in this deployment.');
  ensureAllowed(actor, 'gate.signoff', access, { requiredRoles: target.requiredRoles });
  const signerRoles = access.heldRoles.filter((r) => !r.readOnly).map((r) => r.key);
  const comment = input.comment?.trim() || null;
  // Step-up after authorization (an outsider hears 403, not "confirm your password").
  const identity = await requireRecentAuth(actor);

  const { result, replayed } = await commit(
    async (tx, append) => {
      ensureNotFinished(await lockDeployment(tx, deploymentId), 'its gates can no longer change.', {
        refusal: 'deployment_finished',
      });
      // Read after the lock: a sign-off committed a moment ago by someone else is counted here.
      const gate = await loadGate(tx, deploymentId, gateId);
      const roleNames = await roleNamesOf(tx, deploymentId);
      const check = checkSignoff({
        gate: gateInput(gate),
        signer: { userId: actor.userId, roleKeys: signerRoles },
        roleKey: input.roleKey,
        decision: input.decision,
        comment,
        roleNames,
      });
      if (!check.ok)
        throw new AppError(
          REFUSAL[check.code],
          check.message,
          check.code === 'gate_closed' ? { gate: await toGateDto(tx, gate) } : undefined,
        );

      const now = new Date();
      if (check.supersedes) await tx.signoff.update({ where: { id: check.supersedes }, data: { withdrawnAt: now } });
      const metrics = await latestMetrics(tx, deploymentId);
      const signoff = await tx.signoff.create({
        data: {
          gateId,
          roleKey: check.roleKey,
          userId: actor.userId,
          decision: input.decision,
          comment,
          metricSnapshot: metrics,
          identity,
        },
        include: { user: { select: { name: true } } },
      });
      const signoffs = [
        ...gate.signoffs.map((s) => (s.id === check.supersedes ? { ...s, withdrawnAt: now } : s)),
        signoff,
      ];
      const status = gateStatus({ ...gateInput({ ...gate, signoffs }) });
      const event = await append({
        deploymentId,
        type: 'gate.signed',
        actorId: actor.userId,
        actorName: actor.name,
        roleKey: check.roleKey,
        data: {
          gateId,
          gateTitle: gate.title,
          gateKind: gate.kind,
          phaseId: gate.phaseId,
          signoffId: signoff.id,
          roleKey: check.roleKey,
          roleName: roleNames[check.roleKey] ?? check.roleKey,
          decision: input.decision,
          comment,
          supersedes: check.supersedes,
          gateStatus: status,
          metrics,
          identity,
        },
      });
      const { gate: updated, seq } = await recordGateChange(tx, append, {
        gate,
        status,
        now,
        actor,
        roleKey: check.roleKey,
        seq: event.seq,
      });
      return { signoff: toSignoffDto(signoff), gate: updated, seq };
    },
    idempotencyFor(actor.userId, idempotencyKey, `signoff:${gateId}`),
  );
  return { ...result, replayed };
}
