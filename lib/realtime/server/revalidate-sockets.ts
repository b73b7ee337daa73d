import type { Socket } from 'socket.io';
import { findActor, findTokenActors, type SignedInActor } from '@/lib/server/auth/get-actor';
import { env } from '@/lib/server/env';
import { logger } from '@/lib/server/logger';
import { sql } from '@/lib/server/sql';
import { deploymentOfRoom } from '../protocol/events';
import { ADMIN_LIST_ROOM, deploymentOfListRoom } from '../protocol/list-rooms';
import type { IoServer } from './io-server';

/**
 * A socket is authenticated once, at the handshake, but a session can end (sign-out, expiry), a
 * token can be revoked and a role can be taken away while it stays open. Every few seconds this
 * re-checks each distinct credential once (not once per socket) and disconnects the sockets
 * whose credential no longer works; sockets leave the rooms of deployments their user no longer
 * belongs to — also when the change was made by another process.
 */
const recheckMs = () => env().SOCKET_RECHECK_MS;

type Data = { userId?: string; isAdmin?: boolean; actor?: SignedInActor };

type Credential = { header: 'authorization' | 'cookie'; value: string };

function credentialOf(socket: Socket): Credential | null {
  const token = (socket.handshake.auth as { token?: unknown })?.token;
  const cookie = socket.handshake.headers.cookie;
  if (typeof token === 'string' && token) return { header: 'authorization', value: `Bearer ${token}` };
  if (typeof cookie === 'string' && cookie) return { header: 'cookie', value: cookie };
  return null;
}

async function revalidateCredentials(sockets: Socket[]) {
  // Grouped by the credential itself: thousands of sockets sharing one token cost one lookup,
  // and no per-socket hashing or Headers on every round.
  const groups = new Map<string, { credential: Credential; sockets: Socket[] }>();
  for (const socket of sockets) {
    const credential = credentialOf(socket);
    if (!credential) {
      socket.disconnect(true);
      continue;
    }
    const key = `${credential.header}\n${credential.value}`;
    const group = groups.get(key) ?? { credential, sockets: [] };
    group.sockets.push(socket);
    groups.set(key, group);
  }
  // Bearer tokens are checked together in one statement; a cookie session on its own.
  const bearers = [...groups.values()].filter((g) => g.credential.header === 'authorization');
  const liveTokens = await findTokenActors(bearers.map((g) => g.credential.value.slice('Bearer '.length)));
  for (const group of groups.values()) {
    const actor =
      group.credential.header === 'authorization'
        ? (liveTokens.get(group.credential.value.slice('Bearer '.length)) ?? null)
        : await findActor(new Headers({ cookie: group.credential.value }));
    for (const socket of group.sockets) {
      const data = socket.data as Data;
      if (!actor || actor.userId !== data.userId) {
        logger.info('socket.credential_ended', { userId: data.userId });
        socket.disconnect(true);
      } else {
        Object.assign(data, { actor, isAdmin: actor.isAdmin });
      }
    }
  }
}

/** The war room a socket watches through this room: in it, or on the Deployments page. */
const watchedDeployment = (room: string) => deploymentOfRoom(room) ?? deploymentOfListRoom(room);

async function leaveLostDeployments(sockets: Socket[]) {
  for (const socket of sockets) {
    // No longer an admin: no longer told of every war room that is made.
    if (!(socket.data as Data).isAdmin && socket.rooms.has(ADMIN_LIST_ROOM)) socket.leave(ADMIN_LIST_ROOM);
  }
  const watching = sockets.filter(
    (s) => s.connected && !(s.data as Data).isAdmin && [...s.rooms].some((r) => watchedDeployment(r) !== null),
  );
  if (watching.length === 0) return;
  const userIds = [...new Set(watching.map((s) => (s.data as Data).userId!).filter(Boolean))];
  // Plain SQL: through Prisma, a crowd's thousands of ids made each round's query cost tens of ms to compile.
  const held = await sql<{ userId: string; deploymentId: string }>`
    SELECT DISTINCT "userId", "deploymentId" FROM "Participant" WHERE "userId" = ANY(${userIds}::text[])`;
  const allowed = new Set(held.map((p) => `${p.userId}:${p.deploymentId}`));
  for (const socket of watching) {
    for (const room of socket.rooms) {
      const deploymentId = watchedDeployment(room);
      if (deploymentId && !allowed.has(`${(socket.data as Data).userId}:${deploymentId}`)) socket.leave(room);
    }
  }
}

export function watchSocketSessions(io: IoServer): () => void {
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const sockets = [...io.of('/').sockets.values()] as Socket[];
      if (sockets.length > 0) {
        await revalidateCredentials(sockets);
        await leaveLostDeployments(sockets);
      }
    } catch (error) {
      logger.warn('socket.revalidate_failed', { error: String(error) });
    } finally {
      busy = false;
    }
  }, recheckMs());
  timer.unref();
  return () => clearInterval(timer);
}
