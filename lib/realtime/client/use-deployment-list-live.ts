'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '@/lib/client/api';
import { deploymentKeys } from '@/lib/client/query-keys';
import type { DeploymentListDto, DeploymentListQuery } from '@/lib/contracts/deployments';
import { listUrlOf } from '@/lib/domain/deployment-list-query';
import { isTerminal } from '@/lib/domain/deployment-state';
import { getSocket, listen } from './socket-client';
import type { LiveStatus } from './use-deployment-live';

/**
 * A busy go-live changes its card every second or so (ticks, health): the list is read again at
 * most this often, once the first change of a burst has been heard.
 */
const READ_AGAIN_AFTER_MS = 750;

/**
 * The Deployments list as the server rendered it, kept live: the socket watches the unfinished war
 * rooms shown (finished ones no longer change) and hears of war rooms that join the list; each
 * change reads the list again. After a reconnect the list is read again too (changes may have
 * been missed meanwhile).
 */
export function useDeploymentListLive(query: DeploymentListQuery, initial: DeploymentListDto) {
  const queryClient = useQueryClient();
  const { q, kind, finishedOffset } = query;
  const { data: list } = useQuery({
    queryKey: deploymentKeys.listOf(query),
    queryFn: () => api<DeploymentListDto>(listUrlOf('/api/deployments', query)),
    initialData: initial,
    // Fresh until a change is heard: the socket says when to read it again.
    staleTime: Infinity,
  });
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [isolated, setIsolated] = useState(false);
  const watched = list.deployments.filter((d) => !isTerminal(d.state)).map((d) => d.id);
  const watchedKey = watched.join(' ');

  useEffect(() => {
    const socket = getSocket();
    const deploymentIds = watchedKey ? watchedKey.split(' ') : [];
    let disposed = false;
    let pending: ReturnType<typeof setTimeout> | null = null;
    const invalidate = () =>
      void queryClient.invalidateQueries({ queryKey: deploymentKeys.listOf({ q, kind, finishedOffset }) });
    const readAgain = () => {
      pending ??= setTimeout(() => {
        pending = null;
        invalidate();
      }, READ_AGAIN_AFTER_MS);
    };
    const watch = () =>
      socket.emit('deployments:watch', { deploymentIds }, (ack) => {
        if (!disposed) setStatus(ack.ok ? 'live' : 'refused');
      });
    const onConnect = () => {
      watch();
      readAgain();
    };
    const onDisconnect = () => {
      setIsolated(false);
      setStatus('reconnecting');
    };
    const onIsolated = (payload: { isolated: boolean }) => setIsolated(payload.isolated);
    const stopListening = listen(socket, {
      'deployments:changed': readAgain,
      'server:isolated': onIsolated,
      connect: onConnect,
      disconnect: onDisconnect,
      connect_error: onDisconnect,
    });
    if (socket.connected) watch();
    else socket.connect();
    return () => {
      disposed = true;
      // A change heard while the list was being read again (which moved what is watched) is not
      // dropped: it is read now. (An unmounted page's query is only marked stale.)
      if (pending) {
        clearTimeout(pending);
        invalidate();
      }
      stopListening();
    };
  }, [watchedKey, q, kind, finishedOffset, queryClient]);

  // Leaving the page stops the watching (the tab's socket serves the war room next).
  useEffect(() => () => void getSocket().emit('deployments:unwatch'), []);

  return { list, status: status === 'live' && isolated ? ('partly-live' as const) : status };
}
