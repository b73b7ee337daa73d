import { UNFINISHED_LIST_MAX } from '@/lib/contracts/deployments';
import type { TimelineEvent } from '@/lib/domain/event-log';

/**
 * Rooms of the Deployments page, apart from the war rooms' own: a list watcher is not "in" a war
 * room (no presence, no events, no metrics). One room per watched war room, one per person (war
 * rooms they made, joined or left) and one for admins, who see every war room.
 */
const LIST_ROOM = 'deployment-list:';
export const deploymentListRoom = (deploymentId: string) => `${LIST_ROOM}${deploymentId}`;
export const personalListRoom = (userId: string) => `deployment-list-of:${userId}`;
export const ADMIN_LIST_ROOM = 'deployment-list-admins';

/** Any of the Deployments page's rooms (they share the prefix; a war room's own is `deployment:`). */
export const isListRoom = (room: string) => room.startsWith('deployment-list');

/** The war room a list room watches, or null for any other room. */
export const deploymentOfListRoom = (room: string): string | null =>
  room.startsWith(LIST_ROOM) ? room.slice(LIST_ROOM.length) : null;

/** At most this many war rooms per watch: as many unfinished ones as the list shows. */
export const WATCH_LIST_MAX = UNFINISHED_LIST_MAX;

/**
 * Whose Deployments page an event changes: everyone watching its war room (any event moves its
 * card: state, health, progress, schedule), and those for whom it joins or leaves the list — every
 * admin and its maker when it is made, the person added to or removed from one of its roles.
 */
export function listRoomsFor(event: Pick<TimelineEvent, 'type' | 'deploymentId' | 'actorId' | 'data'>): string[] {
  const rooms = [deploymentListRoom(event.deploymentId)];
  if (event.type === 'deployment.created') {
    rooms.push(ADMIN_LIST_ROOM);
    if (event.actorId) rooms.push(personalListRoom(event.actorId));
  }
  if (
    (event.type === 'participant.added' || event.type === 'participant.removed') &&
    typeof event.data.userId === 'string'
  )
    rooms.push(personalListRoom(event.data.userId));
  return rooms;
}
