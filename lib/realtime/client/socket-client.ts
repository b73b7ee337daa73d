import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol/events';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: ClientSocket | null = null;

/** One socket per tab, shared by every live view; the session cookie authenticates it. */
export function getSocket(): ClientSocket {
  socket ??= io({
    path: '/socket.io',
    transports: ['websocket'],
    withCredentials: true,
    reconnectionDelay: 250,
    reconnectionDelayMax: 2000,
  });
  return socket;
}
