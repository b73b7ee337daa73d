import type { Server } from 'socket.io';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents } from '../protocol/events';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents>;

// Route handlers are bundled apart from server.ts: the socket.io server is reached through one
// process-wide handle. It has its own module so that readers (publishing, the app metrics) do not
// import each other.
const globalForIo = globalThis as unknown as { __warroomIo?: IoServer };

export function setIoServer(io: IoServer | undefined) {
  globalForIo.__warroomIo = io;
}

export function getIoServer(): IoServer | undefined {
  return globalForIo.__warroomIo;
}
