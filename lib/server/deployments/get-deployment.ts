import 'server-only';
import type { DeploymentDto } from '@/lib/contracts/deployments';
import { evidenceFor, type IdentityEvidence } from '@/lib/domain/identity';
import { can } from '@/lib/domain/rbac';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { buildItemTree, itemSelect } from '@/lib/server/checklist/item-dto';
import { loadEvidence } from '@/lib/server/checklist/load-evidence';
import { toCheckDto } from '@/lib/server/checks/check-dto';
import { prisma } from '@/lib/server/db';
import { healthDto } from '@/lib/server/metrics/health-dto';
import { authorize } from './load-access';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The whole state of one war room, as `GET /api/deployments/:id` returns it. */
export async function getDeployment(actor: SignedInActor, deploymentId: string): Promise<DeploymentDto> {
  const access = await authorize(actor, 'deployment.read', deploymentId);
  const viewer = {
    userId: actor.userId,
    seesNetwork: can(actor, 'identity.read', { deploymentId, heldRoles: access.heldRoles }),
  };
  const [deployment, roles, phases, items, gates, evidence, checks] = await Promise.all([
    prisma.deployment.findUniqueOrThrow({ where: { id: deploymentId } }),
    prisma.role.findMany({
      where: { deploymentId },
      orderBy: { position: 'asc' },
      include: {
        participants: {
          include: { user: { select: { id: true, name: true, email: true } } },
          orderBy: { createdAt: 'asc' },
        },
      },
    }),
    prisma.phase.findMany({ where: { deploymentId }, orderBy: { position: 'asc' } }),
    prisma.checklistItem.findMany({
      where: { deploymentId },
      orderBy: [{ phaseId: 'asc' }, { position: 'asc' }],
      select: itemSelect,
    }),
    prisma.gate.findMany({
      where: { deploymentId },
      orderBy: [{ position: 'asc' }],
      include: {
        signoffs: {
          where: { withdrawnAt: null },
          orderBy: { createdAt: 'asc' },
          include: { user: { select: { name: true } } },
        },
      },
    }),
    loadEvidence(deploymentId),
    prisma.itemCheck.findMany({ where: { deploymentId } }),
  ]);
  const checkByItem = new Map(checks.map((c) => [c.itemId, toCheckDto(c)]));
  // Who overrode a gate is shown with the override; the IC may have left the room since, so ask users.
  const overriderIds = [...new Set(gates.flatMap((g) => (g.overriddenById ? [g.overriddenById] : [])))];
  const overriders = overriderIds.length
    ? new Map(
        (await prisma.user.findMany({ where: { id: { in: overriderIds } }, select: { id: true, name: true } })).map(
          (u) => [u.id, u.name],
        ),
      )
    : new Map<string, string>();
  const itemsByPhase = new Map<string, typeof items>();
  for (const item of items) {
    const list = itemsByPhase.get(item.phaseId) ?? [];
    list.push(item);
    itemsByPhase.set(item.phaseId, list);
  }
  const goLive = deployment.goLiveAt.getTime();
  return {
    id: deployment.id,
    name: deployment.name,
    version: deployment.version,
    environment: deployment.environment,
    strategy: deployment.strategy,
    goLiveAt: deployment.goLiveAt.toISOString(),
    state: deployment.state,
    heldFromState: deployment.heldFromState,
    stateReason: deployment.stateReason,
    seq: deployment.seq,
    templateId: deployment.templateId,
    templateVersion: deployment.templateVersion,
    allowSelfOverride: deployment.allowSelfOverride,
    rehearsal: deployment.rehearsal,
    startedAt: iso(deployment.startedAt),
    finishedAt: iso(deployment.finishedAt),
    health: healthDto(deployment),
    roles: roles.map((r) => ({
      key: r.key,
      name: r.name,
      isIc: r.isIc,
      readOnly: r.readOnly,
      holders: r.participants.map((p) => ({
        participantId: p.id,
        userId: p.user.id,
        name: p.user.name,
        email: p.user.email,
      })),
    })),
    phases: phases.map((p) => ({
      id: p.id,
      position: p.position,
      title: p.title,
      description: p.description,
      kind: p.kind,
      status: p.status,
      plannedStartMin: p.plannedStartMin,
      plannedDurationMin: p.plannedDurationMin,
      plannedStart: p.plannedStartMin === null ? null : new Date(goLive + p.plannedStartMin * 60_000).toISOString(),
      startedAt: iso(p.startedAt),
      completedAt: iso(p.completedAt),
      items: buildItemTree(
        (itemsByPhase.get(p.id) ?? []).sort((a, b) => a.position - b.position),
        evidence,
        checkByItem,
      ),
    })),
    gates: gates.map((g) => ({
      id: g.id,
      phaseId: g.phaseId,
      title: g.title,
      kind: g.kind,
      checkpointOffsetMin: g.checkpointOffsetMin,
      requiredRoles: g.requiredRoles,
      status: g.status,
      version: g.version,
      overrideReason: g.overrideReason,
      allowSameSigner: g.allowSameSigner,
      overriddenBy: g.overriddenById ? (overriders.get(g.overriddenById) ?? 'Admin') : null,
      openedAt: iso(g.openedAt),
      signoffs: g.signoffs.map((s) => ({
        id: s.id,
        roleKey: s.roleKey,
        userId: s.userId,
        user: s.user.name,
        decision: s.decision,
        at: s.createdAt.toISOString(),
        comment: s.comment,
        metrics: (s.metricSnapshot ?? {}) as Record<string, unknown>,
        identity: evidenceFor(viewer, s.userId, (s.identity ?? {}) as Partial<IdentityEvidence>),
      })),
    })),
    me: { userId: actor.userId, name: actor.name, isAdmin: actor.isAdmin, roles: access.heldRoles },
  };
}
