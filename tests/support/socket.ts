import { io, type Socket } from 'socket.io-client';
import type { TimelineEvent } from '@/lib/domain/event-log';
import type { ClientToServerEvents, ServerToClientEvents, SubscribeAck } from '@/lib/realtime/protocol/events';
import { baseUrl } from './http';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connect(
  options: { token?: string; cookie?: string; origin?: string; baseUrl?: string } = {},
): TestSocket {
  return io(options.baseUrl ?? baseUrl(), {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: options.token ? { token: options.token } : {},
    extraHeaders: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.origin ? { origin: options.origin } : {}),
    },
  });
}

export function connected(socket: TestSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

export function subscribe(socket: TestSocket, deploymentId: string, afterSeq: number): Promise<SubscribeAck> {
  return new Promise((resolve) => socket.emit('deployment:subscribe', { deploymentId, afterSeq }, resolve));
}

/** Collects live events; `until(n)` resolves once n have arrived. */
export function collect(socket: TestSocket) {
  const events: TimelineEvent[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  socket.on('deployment:event', (event) => {
    events.push(event);
    for (const w of [...waiters])
      if (events.length >= w.n) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
  });
  return {
    events,
    until: (n: number) =>
      new Promise<void>((resolve) => (events.length >= n ? resolve() : waiters.push({ n, resolve }))),
  };
}
