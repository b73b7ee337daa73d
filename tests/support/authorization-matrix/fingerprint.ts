import { prisma } from '@/lib/server/db';
import type { Room } from './actors';

/** Everything a refused request must leave as it was: the room's rows, its event log, and global counts. */
export async function fingerprint(crew: Room): Promise<string> {
  const id = crew.id;
  const parts = await Promise.all([
    prisma.deployment.findUniqueOrThrow({
      where: { id },
      select: { state: true, seq: true, lastEventHash: true, healthAckLevel: true, heldFromState: true },
    }),
    prisma.event.count({ where: { deploymentId: id } }),
    prisma.participant.findMany({ where: { deploymentId: id }, select: { id: true }, orderBy: { id: 'asc' } }),
    prisma.checklistItem.findMany({
      where: { deploymentId: id },
      select: { id: true, status: true, version: true, roleId: true },
      orderBy: { id: 'asc' },
    }),
    prisma.phase.findMany({ where: { deploymentId: id }, select: { id: true, status: true }, orderBy: { id: 'asc' } }),
    prisma.gate.findMany({
      where: { deploymentId: id },
      select: { id: true, status: true, version: true, overrideReason: true },
      orderBy: { id: 'asc' },
    }),
    prisma.signoff.findMany({
      where: { gate: { deploymentId: id } },
      select: { id: true, withdrawnAt: true },
      orderBy: { id: 'asc' },
    }),
    prisma.metricRule.count({ where: { deploymentId: id } }),
    prisma.metricSource.findMany({
      where: { deploymentId: id },
      select: { id: true, active: true, config: true },
      orderBy: { id: 'asc' },
    }),
    prisma.metricSample.count({ where: { series: { deploymentId: id } } }),
    prisma.shareLink.findMany({
      where: { deploymentId: id },
      select: { id: true, revokedAt: true },
      orderBy: { id: 'asc' },
    }),
    prisma.statusMail.count({ where: { deploymentId: id } }),
    prisma.statusSubscription.count({ where: { deploymentId: id } }),
    prisma.webhook.findMany({
      where: { OR: [{ deploymentId: id }, { deploymentId: null }] },
      select: { id: true, active: true },
      orderBy: { id: 'asc' },
    }),
    prisma.user.count(),
    prisma.accountEvent.count(),
    prisma.deployment.count(),
    prisma.apiToken.count({ where: { revokedAt: null } }),
    prisma.template.findMany({
      where: { createdById: { in: Object.values(crew.people.users).map((u) => u.id) } },
      select: { id: true, name: true, currentVersion: true },
      orderBy: { id: 'asc' },
    }),
    prisma.redline.findMany({
      where: { deploymentId: id },
      select: { id: true, status: true },
      orderBy: { id: 'asc' },
    }),
    prisma.itemCheck.findMany({ where: { deploymentId: id }, select: { itemId: true, spec: true } }),
  ]);
  return JSON.stringify(parts);
}
