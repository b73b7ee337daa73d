import { mergePresence, type PresenceEntry, type PresenceSource } from '@/lib/domain/merge-presence';
import { env } from '@/lib/server/env';
import { deploymentRoom } from '../protocol/events';
import type { IoServer } from './io-server';

type PresenceData = { userId?: string; name?: string; roleKeys?: Record<string, string[]> };

/** Joins and leaves within this window make one presence broadcast, not one each. */
const COALESCE_MS = 250;
/** How long to wait for the other processes' answers before announcing without them. */
const ASK_OTHERS_MS = 2000;
const pending = new Set<string>();

/** Who watches the deployment through this process: one entry per person. */
export function localPresence(io: IoServer, deploymentId: string): PresenceEntry[] {
  const namespace = io.of('/');
  const sources: PresenceSource[] = [];
  for (const id of namespace.adapter.rooms.get(deploymentRoom(deploymentId)) ?? []) {
    const data = namespace.sockets.get(id)?.data as PresenceData | undefined;
    if (data) sources.push({ userId: data.userId, name: data.name, roleKeys: data.roleKeys?.[deploymentId] });
  }
  return mergePresence(sources);
}

/**
 * With Redis each other process answers with its own people — a handful of entries — rather
 * than every socket it holds, which for a crowd of watchers would be megabytes per broadcast.
 * Presence is best effort: when they do not answer in time (Redis down), only this process's
 * watchers are counted.
 */
async function othersPresence(io: IoServer, deploymentId: string): Promise<PresenceEntry[][]> {
  if (!env().REDIS_URL) return [];
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<PresenceEntry[][]>((resolve) => (timer = setTimeout(() => resolve([]), ASK_OTHERS_MS)));
  const asked = io.serverSideEmitWithAck('presence:list', deploymentId).catch(() => []);
  try {
    return await Promise.race([asked, giveUp]);
  } finally {
    clearTimeout(timer);
  }
}

async function broadcastPresence(io: IoServer, deploymentId: string) {
  const lists = [localPresence(io, deploymentId), ...(await othersPresence(io, deploymentId))];
  io.to(deploymentRoom(deploymentId)).emit('deployment:presence', {
    deploymentId,
    online: mergePresence(lists.flat()),
  });
}

/** Answers the other processes' presence questions (see othersPresence). */
export function answerPresence(io: IoServer) {
  io.on('presence:list', (deploymentId, reply) => reply(localPresence(io, deploymentId)));
}

/**
 * Schedules a presence broadcast for the deployment. A crowd joining at once (a thousand
 * watchers after a restart) would otherwise cost one room scan and one message per watcher for
 * every join — quadratic — so changes are gathered for a moment and announced once.
 */
export function announcePresence(io: IoServer, deploymentId: string) {
  if (pending.has(deploymentId)) return;
  pending.add(deploymentId);
  setTimeout(() => {
    pending.delete(deploymentId);
    void broadcastPresence(io, deploymentId).catch(() => undefined);
  }, COALESCE_MS).unref();
}
