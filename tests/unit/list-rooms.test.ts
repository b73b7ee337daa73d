import { describe, expect, it } from 'vitest';
import { deploymentRoom } from '@/lib/realtime/protocol/events';
import {
  ADMIN_LIST_ROOM,
  deploymentListRoom,
  deploymentOfListRoom,
  isListRoom,
  listRoomsFor,
  personalListRoom,
} from '@/lib/realtime/protocol/list-rooms';

const event = (type: string, data: Record<string, unknown> = {}, actorId: string | null = 'u-ic') =>
  ({ type, deploymentId: 'd1', actorId, data }) as Parameters<typeof listRoomsFor>[0];

describe('which Deployments pages an event changes', () => {
  it('a tick moves the card of everyone watching that war room, and no one else', () => {
    expect(listRoomsFor(event('item.updated', { userId: 'u-dba' }))).toEqual([deploymentListRoom('d1')]);
  });

  it('a new war room reaches every admin and the person who made it', () => {
    expect(listRoomsFor(event('deployment.created'))).toEqual([
      deploymentListRoom('d1'),
      ADMIN_LIST_ROOM,
      personalListRoom('u-ic'),
    ]);
    // Made with the admin token: no person made it.
    expect(listRoomsFor(event('deployment.created', {}, null))).toEqual([deploymentListRoom('d1'), ADMIN_LIST_ROOM]);
  });

  it('being added to or removed from a role reaches that person', () => {
    for (const type of ['participant.added', 'participant.removed'])
      expect(listRoomsFor(event(type, { userId: 'u-new' }))).toContain(personalListRoom('u-new'));
  });

  it('a list room is not the war room itself: watching the list puts no one in the room', () => {
    expect(deploymentListRoom('d1')).not.toBe(deploymentRoom('d1'));
    expect(deploymentOfListRoom(deploymentListRoom('d1'))).toBe('d1');
    expect(deploymentOfListRoom(deploymentRoom('d1'))).toBeNull();
    expect(deploymentOfListRoom(personalListRoom('d1'))).toBeNull();
    for (const room of [deploymentListRoom('d1'), personalListRoom('u1'), ADMIN_LIST_ROOM])
      expect(isListRoom(room)).toBe(true);
    expect(isListRoom(deploymentRoom('d1'))).toBe(false);
  });
});
