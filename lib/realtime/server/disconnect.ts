import { prisma } from '@/lib/server/db';
import { deploymentRoom } from '../protocol/events';
import { deploymentListRoom } from '../protocol/list-rooms';
import { getIoServer } from './io-server';

/** A person who lost their last role in a deployment stops receiving its events at once. */
export async function disconnectUserFromDeployment(deploymentId: string, userId: string) {
  const io = getIoServer();
  if (!io) return;
  const stillHolds = await prisma.participant.count({ where: { deploymentId, userId } });
  if (stillHolds > 0) return;
  // In the war room or watching it from the Deployments page.
  const rooms = [deploymentRoom(deploymentId), deploymentListRoom(deploymentId)];
  // Across processes when the adapter can ask them; this process's own sockets at least.
  const sockets = await io
    .in(rooms)
    .fetchSockets()
    .catch(() => io.local.in(rooms).fetchSockets());
  for (const socket of sockets) {
    if ((socket.data as { userId?: string }).userId === userId && !(socket.data as { isAdmin?: boolean }).isAdmin) {
      for (const room of rooms) socket.leave(room);
    }
  }
}
