// A person's past: many finished war rooms at once (three statements), for the deployments list.
import { getPrisma } from '../../lib/server/db';

/** `count` completed war rooms where the person holds the IC role; room 0 finished last (a day ago). */
export async function makeFinishedRooms(
  userId: string,
  count: number,
  prefix: string,
): Promise<{ name: string; finishedAt: Date }[]> {
  const day = 24 * 3_600_000;
  const rooms = Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    name: `${prefix} ${i}`,
    state: 'completed' as const,
    goLiveAt: new Date(Date.now() - (i + 2) * day),
    finishedAt: new Date(Date.now() - (i + 1) * day),
  }));
  const prisma = getPrisma();
  await prisma.deployment.createMany({ data: rooms });
  await prisma.role.createMany({
    data: rooms.map((room) => ({
      id: `${room.id}-ic`,
      deploymentId: room.id,
      key: 'ic',
      name: 'Incident Commander',
      isIc: true,
    })),
  });
  await prisma.participant.createMany({
    data: rooms.map((room) => ({ deploymentId: room.id, roleId: `${room.id}-ic`, userId })),
  });
  return rooms.map(({ name, finishedAt }) => ({ name, finishedAt }));
}
