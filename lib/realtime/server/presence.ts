import { listPresence, mergePresence, type PresenceEntry, type PresenceSource } from '@/lib/domain/merge-presence';
import { env } from '@/lib/server/env';
import { deploymentRoom } from '../protocol/events';
import type { IoServer } from './io-server';

type PresenceData = { userId?: string; name?: string; roleKeys?: Record<string, string[]> };

/** Joins and leaves within this window make one presence broadcast, not one each. */
const COALESCE_MS = 250;
/**
 * A broadcast sends every named person's entry to every socket in the room: for a crowd of
 * distinct people that is up to PRESENCE_LIST_MAX × sockets entries (100 000, ~8 MB of frames,
 * for 1 000), so the window grows with it to keep presence near this many entries a second, up
 * to MAX_COALESCE_MS. At 200 000 a second a crowd of 1 000 arriving at once spent a fifth of its
 * storm's server CPU on presence (issue 15's distinct-users storm); at this, its count moves
 * every 2 s while it arrives.
 */
const ENTRIES_PER_SECOND = 50_000;
const MAX_COALESCE_MS = 30_000;
/** How long to wait for the other processes' answers before announcing without them. */
const ASK_OTHERS_MS = 2000;

type Pending = { newcomers: Set<string> };
const pending = new Map<string, Pending>();
/** Per deployment: the window the last broadcast's size called for, and what it said. */
const last = new Map<string, { windowMs: number; said: string }>();

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

/**
 * Announces who is online to the deployment's room. Without Redis, when the list is what this
 * process last said (one person's hundredth tab), only the sockets that subscribed since hear
 * it; with Redis another process may have spoken since, so the room always hears it.
 */
async function broadcastPresence(io: IoServer, deploymentId: string, newcomers: Set<string>) {
  const { online, total } = listPresence(
    mergePresence([localPresence(io, deploymentId), ...(await othersPresence(io, deploymentId))].flat()),
  );
  const said = JSON.stringify([online, total]);
  const room = io.of('/').adapter.rooms.get(deploymentRoom(deploymentId));
  const unchanged = !env().REDIS_URL && last.get(deploymentId)?.said === said;
  const windowMs = Math.min(
    MAX_COALESCE_MS,
    Math.max(COALESCE_MS, ((online.length * (room?.size ?? 0)) / ENTRIES_PER_SECOND) * 1000),
  );
  if (room) last.set(deploymentId, { windowMs, said });
  else last.delete(deploymentId);
  if (unchanged) {
    const listening = [...newcomers].filter((id) => room?.has(id));
    if (listening.length > 0) io.to(listening).emit('deployment:presence', { deploymentId, online, total });
    return;
  }
  io.to(deploymentRoom(deploymentId)).emit('deployment:presence', { deploymentId, online, total });
}

/** Answers the other processes' presence questions (see othersPresence). */
export function answerPresence(io: IoServer) {
  io.on('presence:list', (deploymentId, reply) => reply(localPresence(io, deploymentId)));
}

/**
 * Schedules a presence broadcast for the deployment; `newcomer`: the socket that just
 * subscribed, which must hear the list even when nothing else changed. A crowd joining at once
 * (a thousand watchers after a restart) would otherwise cost one room scan and one message per
 * watcher for every join — quadratic — so changes are gathered for a moment and announced once.
 */
export function announcePresence(io: IoServer, deploymentId: string, newcomer?: string) {
  const waiting = pending.get(deploymentId);
  if (waiting) {
    if (newcomer) waiting.newcomers.add(newcomer);
    return;
  }
  const next: Pending = { newcomers: new Set(newcomer ? [newcomer] : []) };
  pending.set(deploymentId, next);
  setTimeout(
    () => {
      pending.delete(deploymentId);
      void broadcastPresence(io, deploymentId, next.newcomers).catch(() => undefined);
    },
    last.get(deploymentId)?.windowMs ?? COALESCE_MS,
  ).unref();
}
