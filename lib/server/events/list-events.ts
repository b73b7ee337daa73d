import type { TimelineEvent } from '@/lib/domain/event-log';
import { eventFor } from '@/lib/domain/identity';
import { can, type Actor } from '@/lib/domain/rbac';
import { authorize } from '@/lib/server/deployments/load-access';
import { sql } from '@/lib/server/sql';
import { toTimelineEvent } from './append-event';

export const MAX_EVENTS_PAGE = 1000;
/** `seq` is a 32-bit column: nothing comes after its largest value (and a larger one would not bind). */
const MAX_SEQ = 2 ** 31 - 1;

/**
 * Events after `afterSeq`, in sequence order, at most `limit`. Every socket subscription runs
 * this (a crowd reconnecting runs it a thousand times at once), so it is one plain SQL
 * statement: through Prisma each read cost about 1.4 ms of CPU compiling the query.
 */
export async function readEventsAfter(
  deploymentId: string,
  afterSeq: number,
  limit = MAX_EVENTS_PAGE,
): Promise<TimelineEvent[]> {
  const rows = await sql<Parameters<typeof toTimelineEvent>[0]>`
    SELECT "deploymentId", "seq", "type", "at", "actorId", "actorName", "roleKey", "payload"
    FROM "Event"
    WHERE "deploymentId" = ${deploymentId} AND "seq" > ${Math.min(afterSeq, MAX_SEQ)}
    ORDER BY "seq" ASC
    LIMIT ${Math.min(Math.max(limit, 1), MAX_EVENTS_PAGE)}`;
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
