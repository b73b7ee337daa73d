'use client';

import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { PublicStatus } from '@/lib/domain/public-status';
import {
  PUBLIC_NAMESPACE,
  type PublicClientToServerEvents,
  type PublicServerToClientEvents,
} from '../protocol/public-events';

export type PublicLiveStatus = 'connecting' | 'live' | 'reconnecting' | 'revoked';

type PublicSocket = Socket<PublicServerToClientEvents, PublicClientToServerEvents>;

const RETRY_MS = 2000;

/**
 * Follows a public status snapshot over the `/public` namespace with the share token (no
 * cookie). Each message is the whole snapshot, so a missed one is healed by the next; an older
 * one arriving late is ignored by its seq. A refused or dropped link shows as revoked only after
 * the server confirms it — a restarting server also drops sockets.
 */
export function usePublicStatus(token: string, initial: PublicStatus) {
  const [status, setStatus] = useState(initial);
  const [live, setLive] = useState<PublicLiveStatus>('connecting');

  useEffect(() => {
    let disposed = false;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const socket: PublicSocket = io(PUBLIC_NAMESPACE, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token },
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    const confirmRevoked = async () => {
      try {
        const response = await fetch(`/api/status/${encodeURIComponent(token)}`, { cache: 'no-store' });
        if (response.status === 404) return true;
      } catch {
        // offline: not a revocation
      }
      return false;
    };
    const reconnectLater = () => {
      if (retry || disposed) return;
      retry = setTimeout(() => {
        retry = null;
        if (!disposed) socket.connect();
      }, RETRY_MS);
    };
    socket.on('status:update', (next) => setStatus((current) => (next.seq >= current.seq ? next : current)));
    socket.on('connect', () => setLive('live'));
    socket.on('disconnect', async (reason) => {
      if (disposed) return;
      setLive('reconnecting');
      // The client reconnects by itself except when the server closed the socket on purpose.
      if (reason !== 'io server disconnect') return;
      if (await confirmRevoked()) setLive('revoked');
      else reconnectLater();
    });
    socket.on('connect_error', async (error) => {
      if (disposed) return;
      if (error.message === 'not_found' && (await confirmRevoked())) return setLive('revoked');
      setLive('reconnecting');
      // Refusals by the namespace's middleware are not retried by the client itself.
      if (!socket.active) reconnectLater();
    });
    return () => {
      disposed = true;
      if (retry) clearTimeout(retry);
      socket.disconnect();
    };
  }, [token]);

  return { status, live };
}
