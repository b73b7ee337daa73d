import { io, type Socket } from 'socket.io-client';
import type { PublicStatus } from '@/lib/domain/public-status';
import {
  PUBLIC_NAMESPACE,
  type PublicClientToServerEvents,
  type PublicServerToClientEvents,
} from '@/lib/realtime/protocol/public-events';
import { baseUrl } from './http';

export type PublicTestSocket = Socket<PublicServerToClientEvents, PublicClientToServerEvents>;

/** A status-page watcher: the share token only, no cookie, no reconnection (tests decide). */
export function connectPublic(token: string, options: { origin?: string; base?: string } = {}): PublicTestSocket {
  return io(`${options.base ?? baseUrl()}${PUBLIC_NAMESPACE}`, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { token },
    extraHeaders: options.origin ? { origin: options.origin } : {},
  });
}

/** Every snapshot a watcher receives; `next(predicate)` waits for one that matches. */
export function watch(socket: PublicTestSocket) {
  const seen: PublicStatus[] = [];
  const waiters: { match: (s: PublicStatus) => boolean; resolve: (s: PublicStatus) => void }[] = [];
  socket.on('status:update', (status) => {
    seen.push(status);
    for (const w of [...waiters]) {
      if (w.match(status)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(status);
      }
    }
  });
  return {
    seen,
    next: (match: (s: PublicStatus) => boolean = () => true, timeoutMs = 10_000) =>
      new Promise<PublicStatus>((resolve, reject) => {
        const found = seen.find(match);
        if (found) return resolve(found);
        const timer = setTimeout(
          () => reject(new Error(`no matching status:update within ${timeoutMs} ms (saw ${seen.length})`)),
          timeoutMs,
        );
        waiters.push({ match, resolve: (s) => (clearTimeout(timer), resolve(s)) });
      }),
  };
}

export function disconnected(socket: PublicTestSocket, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) return resolve('not connected');
    const timer = setTimeout(() => reject(new Error('still connected')), timeoutMs);
    socket.once('disconnect', (reason) => (clearTimeout(timer), resolve(reason)));
  });
}

export function refused(socket: PublicTestSocket): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected, expected a refusal')));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}
