import { getIoServer } from './io-server';

/** A deactivated person's open sockets are dropped at once, on every process the adapter reaches. */
export async function disconnectUserEverywhere(userId: string) {
  const io = getIoServer();
  if (!io) return;
  const sockets = await io.fetchSockets().catch(() => io.local.fetchSockets());
  for (const socket of sockets) {
    if ((socket.data as { userId?: string }).userId === userId) socket.disconnect(true);
  }
}
