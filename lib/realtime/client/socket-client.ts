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

/** What a live view listens to on the tab's socket: server events and the socket's own. */
export type Listeners = { [E in keyof ServerToClientEvents]?: ServerToClientEvents[E] } & {
  connect?: () => void;
  disconnect?: () => void;
  connect_error?: () => void;
};

/** Listens with each handler; the function returned stops every one of them (an effect's cleanup). */
export function listen(socket: ClientSocket, listeners: Listeners): () => void {
  // socket.io's typed `on` takes one event name at a time; the map above is typed per event.
  const entries = Object.entries(listeners) as [never, never][];
  for (const [event, handler] of entries) socket.on(event, handler);
  return () => {
    for (const [event, handler] of entries) socket.off(event, handler);
  };
}
