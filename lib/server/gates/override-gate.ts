import 'server-only';
import type { GateDto } from '@/lib/contracts/gates';
import { checkOverride, gateStatus, missingRoles } from '@/lib/domain/gates';
import type { OverrideInput } from '@/lib/schemas/gate';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { requireRecentAuth } from '@/lib/server/auth/step-up';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';
import { ensureNotFinished, idempotencyFor, lockDeployment } from '@/lib/server/lifecycle/lifecycle-facts';
import { gateInput, loadGate, roleNamesOf, toGateDto } from './gate-facts';

/**
 * The IC opens a waiting or rejected gate without the sign-offs, always with a written reason; the
 * override is marked wherever the gate shows. With `version`, the IC's decision holds only for
 * the gate as they saw it: a sign-off in between makes it stale (409), so nobody overrides a
 * rejection they never read.
 */
export async function overrideGate(
  actor: SignedInActor,
  deploymentId: string,
  gateId: string,
  input: OverrideInput,
  idempotencyKey?: string | null,
): Promise<{ gate: GateDto; seq: number; replayed: boolean }> {
  const access = await authorize(actor, 'gate.override', deploymentId);
  const reason = input.reason?.trim() || null;
  const identity = await requireRecentAuth(actor);
  const { result, replayed } = await commit(
    async (tx, append) => {
      ensureNotFinished(await lockDeployment(tx, deploymentId), 'its gates can no longer change.', {
        refusal: 'deployment_finished',
      });
      const gate = await loadGate(tx, deploymentId, gateId);
      if (input.version != null && input.version !== gate.version) {
        throw new AppError(
          'stale_version',
          `Gate ‘${gate.title}’ changed since you looked (now ${gate.status}, version ${gate.version}). Review the sign-offs and decide again.`,
          { gate: await toGateDto(tx, gate) },
        );
      }
      const roleNames = await roleNamesOf(tx, deploymentId);
      const { allowSelfOverride } = await tx.deployment.findUniqueOrThrow({
        where: { id: deploymentId },
        select: { allowSelfOverride: true },
      });
      const check = checkOverride({
        gate: gateInput(gate),
        reason,
        overriderId: actor.userId,
        allowSelfOverride,
        roleNames,
      });
      if (!check.ok)
        throw new AppError(
          check.code,
          check.message,
          check.code === 'gate_closed' ? { gate: await toGateDto(tx, gate) } : undefined,
        );

      const previousStatus = gateStatus(gateInput(gate));
      const missing = missingRoles(gateInput(gate));
      const changed = await tx.gate.updateMany({
        where: { id: gateId, version: gate.version },
        data: {
          status: 'overridden',
          overrideReason: reason,
          overriddenById: actor.userId,
          openedAt: new Date(),
          version: { increment: 1 },
        },
      });
      // Unreachable while the deployment lock is held, but a lost update must never pass silently.
      if (changed.count === 0)
        throw new AppError(
          'stale_version',
          `Gate ‘${gate.title}’ changed while you overrode it. Review and decide again.`,
          { gate: await toGateDto(tx, await loadGate(tx, deploymentId, gateId)) },
        );
      const event = await append({
        deploymentId,
        type: 'gate.overridden',
        actorId: actor.userId,
        actorName: actor.name,
        roleKey: actingRole(access.heldRoles),
        data: {
          gateId,
          gateTitle: gate.title,
          gateKind: gate.kind,
          phaseId: gate.phaseId,
          reason,
          previousStatus,
          missingRoles: missing,
          missingRoleNames: missing.map((key) => roleNames[key] ?? key),
          identity,
        },
      });
      return { gate: await toGateDto(tx, await loadGate(tx, deploymentId, gateId)), seq: event.seq };
    },
    idempotencyFor(actor.userId, idempotencyKey, `override:${gateId}`),
  );
  return { ...result, replayed };
}
