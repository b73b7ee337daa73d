import type { Namespace, Socket } from 'socket.io';
import { prisma } from '@/lib/server/db';
import { env } from '@/lib/server/env';
import { logger } from '@/lib/server/logger';
import { appMetrics } from '@/lib/server/observability/app-metrics';
import { findActiveShareLink } from '@/lib/server/share-links/share-token';
import { forgetPublicStatus, getPublicStatus, markPublicStatusStale } from '@/lib/server/status/public-status-cache';
import {
  PUBLIC_NAMESPACE,
  parsePublicRoom,
  publicRoom,
  shareLinkRoom,
  type PublicClientToServerEvents,
  type PublicServerToClientEvents,
} from '../protocol/public-events';
import { getIoServer, type IoServer } from './io-server';
import { onCommittedEvent } from './publish';

type PublicData = { linkId: string; deploymentId: string; showNames: boolean };
type PublicNamespace = Namespace<
  PublicClientToServerEvents,
  PublicServerToClientEvents,
  Record<string, never>,
  PublicData
>;
type PublicSocket = Socket<PublicClientToServerEvents, PublicServerToClientEvents, Record<string, never>, PublicData>;

/** At most one snapshot per deployment per interval (2/s by default), however busy the room is. */
const intervalMs = () => env().PUBLIC_STATUS_INTERVAL_MS;
/** How often live links are re-checked, for revocations made by another process. */
const recheckMs = () => env().SOCKET_RECHECK_MS;

type Slot = { timer: NodeJS.Timeout | null; lastAt: number; running: boolean; again: boolean };
const slots = new Map<string, Slot>();

function publicNamespace(io: IoServer | undefined = getIoServer()): PublicNamespace | null {
  return io ? (io.of(PUBLIC_NAMESPACE) as unknown as PublicNamespace) : null;
}

function watchedLocally(nsp: PublicNamespace, deploymentId: string): boolean {
  return [false, true].some((names) => (nsp.adapter.rooms.get(publicRoom(deploymentId, names))?.size ?? 0) > 0);
}

async function broadcast(nsp: PublicNamespace, deploymentId: string) {
  // With a shared adapter (Redis) watchers may sit on other processes: always send.
  if (!env().REDIS_URL && !watchedLocally(nsp, deploymentId)) return;
  for (const showNames of [false, true]) {
    const room = publicRoom(deploymentId, showNames);
    if (!env().REDIS_URL && !nsp.adapter.rooms.get(room)?.size) continue;
    const status = await getPublicStatus(deploymentId, showNames);
    if (status) {
      nsp.to(room).emit('status:update', status);
      appMetrics().publicBroadcasts.inc();
    }
  }
}

function schedule(nsp: PublicNamespace, deploymentId: string) {
  let slot = slots.get(deploymentId);
  if (!slot) slots.set(deploymentId, (slot = { timer: null, lastAt: 0, running: false, again: false }));
  if (slot.running) {
    slot.again = true;
    return;
  }
  if (slot.timer) return;
  const wait = Math.max(0, slot.lastAt + intervalMs() - Date.now());
  slot.timer = setTimeout(() => void flush(nsp, deploymentId, slot), wait);
}

async function flush(nsp: PublicNamespace, deploymentId: string, slot: Slot) {
  slot.timer = null;
  slot.running = true;
  slot.lastAt = Date.now();
  try {
    await broadcast(nsp, deploymentId);
  } catch (error) {
    logger.warn('public_status.broadcast_failed', { deploymentId, error: String(error) });
  } finally {
    slot.running = false;
    if (slot.again) {
      slot.again = false;
      schedule(nsp, deploymentId);
    } else if (!watchedLocally(nsp, deploymentId)) {
      slots.delete(deploymentId);
      forgetPublicStatus(deploymentId);
    }
  }
}

/**
 * Sends this process's public watchers a fresh snapshot: after the Redis adapter was away they
 * may have missed updates broadcast by other processes. Snapshots are idempotent.
 */
export async function refreshLocalPublicWatchers(io: IoServer) {
  const nsp = publicNamespace(io);
  if (!nsp) return;
  const watched = [...nsp.adapter.rooms.keys()].flatMap((room) => {
    const served = parsePublicRoom(room);
    return served ? [{ room, ...served }] : [];
  });
  // Other processes' changes only reach this cache by its freshness window: check now.
  for (const deploymentId of new Set(watched.map((w) => w.deploymentId))) markPublicStatusStale(deploymentId);
  for (const { room, deploymentId, showNames } of watched) {
    const status = await getPublicStatus(deploymentId, showNames);
    if (status) nsp.local.to(room).emit('status:update', status);
  }
}

/** Disconnects everyone watching through a link (it was revoked), on every process. */
export async function dropShareLinkWatchers(linkId: string) {
  publicNamespace()?.in(shareLinkRoom(linkId)).disconnectSockets(true);
}

async function dropRevokedLinks(nsp: PublicNamespace) {
  const linkIds = new Set<string>();
  for (const socket of nsp.sockets.values()) linkIds.add(socket.data.linkId);
  if (linkIds.size === 0) return;
  const revoked = await prisma.shareLink.findMany({
    where: { id: { in: [...linkIds] }, revokedAt: { not: null } },
    select: { id: true },
  });
  for (const { id } of revoked) nsp.in(shareLinkRoom(id)).disconnectSockets(true);
}

/** The `/public` namespace: share token in, sanitised snapshots out. No cookie is read here. */
export function attachPublicStatus(io: IoServer): () => void {
  const nsp = io.of(PUBLIC_NAMESPACE) as unknown as PublicNamespace;
  nsp.use(async (socket, next) => {
    try {
      const link = await findActiveShareLink((socket.handshake.auth as { token?: unknown })?.token);
      if (!link) return next(new Error('not_found'));
      socket.data = { linkId: link.id, deploymentId: link.deploymentId, showNames: link.showNames };
      next();
    } catch {
      next(new Error('unavailable'));
    }
  });
  nsp.on('connection', async (socket: PublicSocket) => {
    const { deploymentId, showNames, linkId } = socket.data;
    socket.join([publicRoom(deploymentId, showNames), shareLinkRoom(linkId)]);
    try {
      const status = await getPublicStatus(deploymentId, showNames);
      if (status) socket.emit('status:update', status);
    } catch (error) {
      logger.warn('public_status.initial_failed', { deploymentId, error: String(error) });
    }
  });
  const stopListening = onCommittedEvent((event) => {
    markPublicStatusStale(event.deploymentId);
    schedule(nsp, event.deploymentId);
  });
  const recheck = setInterval(() => void dropRevokedLinks(nsp).catch(() => undefined), recheckMs());
  recheck.unref();
  return () => {
    stopListening();
    clearInterval(recheck);
  };
}
