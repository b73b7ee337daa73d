import type { Server } from 'socket.io';
import { processSlot } from '@/lib/server/singleton';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents } from '../protocol/events';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents>;

// Route handlers are bundled apart from server.ts: the socket.io server is reached through one
// process-wide handle. It has its own module so that readers (publishing, the app metrics) do not
// import each other.
const ioServer = processSlot<IoServer>('__warroomIo');

export function setIoServer(io: IoServer | undefined) {
  ioServer.set(io);
}

export function getIoServer(): IoServer | undefined {
  return ioServer.get();
}
