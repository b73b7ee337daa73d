import type { TimelineEvent } from '@/lib/domain/event-log';
import { eventFor } from '@/lib/domain/identity';
import { can, type Actor } from '@/lib/domain/rbac';
import { prisma } from '@/lib/server/db';
import { authorize } from '@/lib/server/deployments/load-access';
import { toTimelineEvent } from './append-event';

export const MAX_EVENTS_PAGE = 1000;

/** Events after `afterSeq`, in sequence order, at most `limit`. */
export async function readEventsAfter(
  deploymentId: string,
  afterSeq: number,
  limit = MAX_EVENTS_PAGE,
): Promise<TimelineEvent[]> {
  const rows = await prisma.event.findMany({
    where: { deploymentId, seq: { gt: afterSeq } },
    orderBy: { seq: 'asc' },
    take: Math.min(Math.max(limit, 1), MAX_EVENTS_PAGE),
  });
  return rows.map(toTimelineEvent);
}

export async function listEvents(actor: Actor, deploymentId: string, afterSeq: number, limit?: number) {
  const access = await authorize(actor, 'deployment.read', deploymentId);
  const viewer = {
    userId: actor.userId,
    seesNetwork: can(actor, 'identity.read', { deploymentId, heldRoles: access.heldRoles }),
  };
  const events = (await readEventsAfter(deploymentId, afterSeq, limit)).map((event) => eventFor(viewer, event));
  return { events, seq: access.deployment.seq };
}
