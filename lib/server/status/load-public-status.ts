import type { DeploymentState } from '@/lib/domain/deployment-state';
import { publicStatus, PUBLIC_UPDATES_SHOWN, type PublicStatus } from '@/lib/domain/public-status';
import { prisma } from '@/lib/server/db';

/**
 * Reads what the public projection needs — and nothing more: items without titles, notes or
 * commands; gates without comments or reasons. Names are read only when they may be shown.
 */
export async function loadPublicStatus(deploymentId: string, showNames: boolean): Promise<PublicStatus | null> {
  const deployment = await prisma.deployment.findUnique({
    where: { id: deploymentId },
    select: {
      name: true,
      version: true,
      state: true,
      heldFromState: true,
      goLiveAt: true,
      startedAt: true,
      finishedAt: true,
      healthLevel: true,
      seq: true,
      rehearsal: true,
    },
  });
  if (!deployment) return null;
  const [phases, items, gates, updates] = await Promise.all([
    prisma.phase.findMany({
      where: { deploymentId },
      orderBy: { position: 'asc' },
      select: {
        id: true,
        title: true,
        kind: true,
        status: true,
        plannedStartMin: true,
        plannedDurationMin: true,
        startedAt: true,
        completedAt: true,
      },
    }),
    prisma.checklistItem.findMany({
      where: { deploymentId },
      select: { id: true, parentId: true, phaseId: true, status: true },
    }),
    prisma.gate.findMany({
      where: { deploymentId },
      orderBy: { position: 'asc' },
      select: {
        phaseId: true,
        title: true,
        status: true,
        requiredRoles: true,
        openedAt: true,
        overriddenById: true,
        signoffs: {
          select: {
            id: true,
            roleKey: true,
            userId: true,
            decision: true,
            createdAt: true,
            withdrawnAt: true,
            user: { select: { name: true } },
          },
        },
      },
    }),
    prisma.event.findMany({
      where: { deploymentId, type: 'status.posted' },
      orderBy: { seq: 'desc' },
      take: PUBLIC_UPDATES_SHOWN,
      select: { at: true, actorName: true, payload: true },
    }),
  ]);
  const overriderIds = showNames
    ? [...new Set(gates.flatMap((g) => (g.overriddenById ? [g.overriddenById] : [])))]
    : [];
  const overriders = new Map(
    overriderIds.length
      ? (await prisma.user.findMany({ where: { id: { in: overriderIds } }, select: { id: true, name: true } })).map(
          (u) => [u.id, u.name],
        )
      : [],
  );
  return publicStatus({
    deployment: {
      ...deployment,
      state: deployment.state as DeploymentState,
      heldFromState: deployment.heldFromState as DeploymentState | null,
    },
    phases,
    items,
    gates: gates.map((g) => ({
      ...g,
      overriddenBy: g.overriddenById ? (overriders.get(g.overriddenById) ?? null) : null,
      signoffs: g.signoffs.map((s) => ({ ...s, userName: showNames ? s.user.name : '' })),
    })),
    updates: updates.map((u) => ({
      at: u.at,
      message: String((u.payload as { message?: unknown })?.message ?? ''),
      actor: u.actorName,
    })),
    showNames,
  });
}
