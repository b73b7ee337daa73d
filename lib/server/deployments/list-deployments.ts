import 'server-only';
import type { DeploymentSummary } from '@/lib/contracts/deployments';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';

/** Deployments the actor takes part in (all of them for an admin), soonest go-live first. */
export async function listDeployments(actor: SignedInActor): Promise<DeploymentSummary[]> {
  const where = actor.isAdmin ? {} : { participants: { some: { userId: actor.userId } } };
  const scoped = actor.token?.deploymentId ? { ...where, id: actor.token.deploymentId } : where;
  const deployments = await prisma.deployment.findMany({
    where: scoped,
    orderBy: { goLiveAt: 'asc' },
    take: 500,
    include: { participants: { where: { userId: actor.userId }, select: { role: { select: { key: true } } } } },
  });
  const ids = deployments.map((d) => d.id);
  const counts = ids.length
    ? await prisma.checklistItem.groupBy({
        by: ['deploymentId', 'status'],
        where: { deploymentId: { in: ids } },
        _count: { _all: true },
      })
    : [];
  const progress = new Map<string, { done: number; total: number }>();
  for (const row of counts) {
    const p = progress.get(row.deploymentId) ?? { done: 0, total: 0 };
    p.total += row._count._all;
    if (row.status === 'done' || row.status === 'skipped') p.done += row._count._all;
    progress.set(row.deploymentId, p);
  }
  return deployments.map((d) => ({
    id: d.id,
    name: d.name,
    version: d.version,
    environment: d.environment,
    state: d.state,
    goLiveAt: d.goLiveAt.toISOString(),
    healthLevel: d.healthLevel,
    progress: progress.get(d.id) ?? { done: 0, total: 0 },
    myRoles: d.participants.map((p) => p.role.key),
    finishedAt: d.finishedAt?.toISOString() ?? null,
  }));
}
