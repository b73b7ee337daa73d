'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { deploymentKeys, webhookKeys } from '@/lib/client/query-keys';
import type { DeploymentDto } from '@/lib/contracts/deployments';
import type { CheckDto } from '@/lib/contracts/items';
import { mergeEvents, type TimelineEvent } from '@/lib/domain/event-log';
import type { PresenceEntry, PresencePayload, ResyncPayload } from '../protocol/events';
import { applyEvent, withCheck } from './apply-event';
import { getSocket, listen } from './socket-client';

/** `partly-live`: connected, but the server has lost touch with the other servers (see lib/realtime/server/isolation.ts). */
export type LiveStatus = 'connecting' | 'live' | 'partly-live' | 'reconnecting' | 'refused';

/** How much history the timeline shows on load, before live events arrive. */
const TIMELINE_BACKLOG = 200;
const TIMELINE_KEEP = 500;

/**
 * Keeps one deployment's cached state and timeline live. Every event carries its sequence number:
 * the hook subscribes with the last number it has, applies events strictly in order, drops
 * duplicates, and re-subscribes from the last contiguous number whenever it sees a gap, the
 * socket reconnects (server restart, network drop) or the server says it may have missed events.
 */
export function useDeploymentLive(deploymentId: string, initialSeq: number) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [presence, setPresence] = useState<PresenceEntry[]>([]);
  // Everyone online; `presence` names at most PRESENCE_LIST_MAX of them.
  const [onlineCount, setOnlineCount] = useState(0);
  const [isolated, setIsolated] = useState(false);

  useEffect(() => {
    const socket = getSocket();
    let lastSeq = Math.max(0, initialSeq - TIMELINE_BACKLOG);
    let appliedSeq = initialSeq;
    let refetching = false;
    let disposed = false;

    const receive = (incoming: TimelineEvent[]) => {
      const current = queryClient.getQueryData<TimelineEvent[]>(deploymentKeys.events(deploymentId)) ?? [];
      const merged = mergeEvents(current, incoming, lastSeq);
      lastSeq = merged.lastSeq;
      queryClient.setQueryData(deploymentKeys.events(deploymentId), merged.events.slice(-TIMELINE_KEEP));
      const ready = merged.events.filter((e) => e.seq > appliedSeq && e.seq <= lastSeq);
      for (const event of ready) {
        const state = queryClient.getQueryData<DeploymentDto>(deploymentKeys.detail(deploymentId));
        const next = state ? applyEvent(state, event) : null;
        if (next) queryClient.setQueryData(deploymentKeys.detail(deploymentId), next);
        else refetching = true;
        appliedSeq = event.seq;
      }
      if (refetching) {
        refetching = false;
        void queryClient.invalidateQueries({ queryKey: deploymentKeys.detail(deploymentId) });
      }
      if (merged.hasGap) subscribe();
    };

    const subscribe = () => {
      socket.emit('deployment:subscribe', { deploymentId, afterSeq: lastSeq }, (ack) => {
        if (disposed) return;
        if (!ack.ok) {
          setStatus('refused');
          return;
        }
        receive(ack.events);
        setStatus('live');
        if (!ack.complete) subscribe();
      });
    };

    const onEvent = (event: TimelineEvent) => {
      if (event.deploymentId === deploymentId) receive([event]);
    };
    const onPresence = (payload: PresencePayload) => {
      if (payload.deploymentId !== deploymentId) return;
      setPresence(payload.online);
      setOnlineCount(payload.total);
    };
    const onResync = (payload: ResyncPayload) => {
      if (payload.deploymentId === deploymentId && payload.seq > lastSeq) subscribe();
    };
    const onIsolated = (payload: { isolated: boolean }) => setIsolated(payload.isolated);
    // A check's state moved: a live reading, not an event (no seq), patched into the state as is.
    const onCheck = (payload: { deploymentId: string; check: CheckDto }) => {
      if (payload.deploymentId !== deploymentId) return;
      const state = queryClient.getQueryData<DeploymentDto>(deploymentKeys.detail(deploymentId));
      const next = state ? withCheck(state, null, payload.check.itemId, payload.check) : null;
      if (next) queryClient.setQueryData(deploymentKeys.detail(deploymentId), next);
    };
    // The IC's webhook screens read their deliveries again; for anyone else nothing is cached.
    const onWebhookAttempt = (payload: { deploymentId: string }) => {
      if (payload.deploymentId === deploymentId)
        void queryClient.invalidateQueries({ queryKey: webhookKeys.scope(deploymentId) });
    };
    const onConnect = () => subscribe();
    const onDisconnect = () => {
      // Whichever server the socket reaches next says for itself whether it is isolated.
      setIsolated(false);
      setStatus('reconnecting');
    };
    const onConnectError = () => setStatus('reconnecting');

    const stopListening = listen(socket, {
      'deployment:event': onEvent,
      'deployment:presence': onPresence,
      'deployment:resync': onResync,
      'server:isolated': onIsolated,
      'deployment:check': onCheck,
      'deployment:webhooks': onWebhookAttempt,
      connect: onConnect,
      disconnect: onDisconnect,
      connect_error: onConnectError,
    });
    if (socket.connected) subscribe();
    else socket.connect();

    return () => {
      disposed = true;
      stopListening();
      socket.emit('deployment:unsubscribe', { deploymentId });
    };
  }, [deploymentId, initialSeq, queryClient]);

  const shown: LiveStatus = status === 'live' && isolated ? 'partly-live' : status;
  return { status: shown, presence, onlineCount };
}
