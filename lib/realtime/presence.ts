import { deploymentRoom, type PresenceEntry } from './events';
import type { IoServer } from './publish';

type PresenceData = { userId?: string; name?: string; roleKeys?: Record<string, string[]> };

/** Joins and leaves within this window make one presence broadcast, not one each. */
const COALESCE_MS = 250;
const pending = new Set<string>();

/** Presence is best effort: with Redis down, other processes' sockets simply are not counted. */
async function broadcastPresence(io: IoServer, deploymentId: string) {
  const sockets = await io
    .in(deploymentRoom(deploymentId))
    .fetchSockets()
    .catch(() => io.local.in(deploymentRoom(deploymentId)).fetchSockets());
  const online = new Map<string, PresenceEntry>();
  for (const s of sockets) {
    const data = s.data as PresenceData;
    if (!data?.userId) continue;
    const entry = online.get(data.userId) ?? { userId: data.userId, name: data.name ?? '', roleKeys: [] };
    for (const key of data.roleKeys?.[deploymentId] ?? []) if (!entry.roleKeys.includes(key)) entry.roleKeys.push(key);
    online.set(data.userId, entry);
  }
  io.to(deploymentRoom(deploymentId)).emit('deployment:presence', { deploymentId, online: [...online.values()] });
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
