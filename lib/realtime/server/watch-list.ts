import type { Socket } from 'socket.io';
import type { WatchListAck } from '@/lib/contracts/realtime';
import { can } from '@/lib/domain/rbac';
import { watchListSchema } from '@/lib/schemas/subscribe';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { accessKey, loadAccesses } from '@/lib/server/deployments/load-access';
import { toAppError } from '@/lib/server/errors';
import {
  ADMIN_LIST_ROOM,
  deploymentListRoom,
  deploymentOfListRoom,
  isListRoom,
  personalListRoom,
  WATCH_LIST_MAX,
} from '../protocol/list-rooms';

/**
 * `deployments:watch` (the Deployments page): the socket watches the war rooms asked for that its
 * person may read — unknown ones and others' are left out, not refused, as the list itself leaves
 * them out — and stops watching those it no longer shows. A person's own room and, for an admin,
 * the admins' room tell it of war rooms that join its list. A token limited to one war room
 * watches at most that one.
 */
export async function watchList(socket: Socket, actor: SignedInActor, payload: unknown): Promise<WatchListAck> {
  const parsed = watchListSchema.safeParse(payload);
  if (!parsed.success)
    return {
      ok: false,
      error: { code: 'invalid_body', message: `Send { deploymentIds }: at most ${WATCH_LIST_MAX} war-room ids.` },
    };
  try {
    const ids = [...new Set(parsed.data.deploymentIds)];
    const accesses = await loadAccesses(ids.map((deploymentId) => ({ deploymentId, userId: actor.userId })));
    const readable = new Set(
      ids.filter((id) => {
        const access = accesses.get(accessKey(id, actor.userId));
        return access && can(actor, 'deployment.read', { deploymentId: id, heldRoles: access.heldRoles });
      }),
    );
    for (const room of socket.rooms) {
      const watched = deploymentOfListRoom(room);
      if (watched && !readable.has(watched)) await socket.leave(room);
    }
    const rooms = [...readable].map(deploymentListRoom);
    if (!actor.token?.deploymentId) {
      rooms.push(personalListRoom(actor.userId));
      if (actor.isAdmin) rooms.push(ADMIN_LIST_ROOM);
    }
    await socket.join(rooms);
    return { ok: true, watching: readable.size };
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, error: { code: appError.code, message: appError.message } };
  }
}

/** `deployments:unwatch`: the Deployments page was left; the tab's socket stays for the war room. */
export async function unwatchList(socket: Socket) {
  for (const room of [...socket.rooms]) if (isListRoom(room)) await socket.leave(room);
}
