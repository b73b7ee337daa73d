import type { CheckDto } from '@/lib/contracts/items';
import type { MetricsBatch } from '@/lib/contracts/realtime';
import type { TimelineEvent } from '@/lib/domain/event-log';
import { eventFor, ROOM_VIEWER } from '@/lib/domain/identity';
import { appMetrics } from '@/lib/server/observability/app-metrics';
import { processSingleton } from '@/lib/server/singleton';
import { deploymentRoom } from '../protocol/events';
import { listRoomsFor } from '../protocol/list-rooms';
import { getIoServer } from './io-server';

type Listener = (event: TimelineEvent) => void;

// Route handlers are bundled apart from server.ts: in-process listeners are reached through one
// process-wide handle, as the socket.io server is (io-server.ts).

function listeners(): Set<Listener> {
  return processSingleton('__warroomEventListeners', () => new Set<Listener>());
}

/** Background workers (webhooks, health) hear every committed event of this process. */
export function onCommittedEvent(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Called only after the transaction that wrote these events committed. */
export function publishEvents(events: readonly TimelineEvent[]) {
  const io = getIoServer();
  // The Deployments pages that show these war rooms: each told once per war room, not per event.
  const listRooms = new Map<string, Set<string>>();
  for (const event of events) {
    const rooms = listRooms.get(event.deploymentId) ?? new Set<string>();
    for (const room of listRoomsFor(event)) rooms.add(room);
    listRooms.set(event.deploymentId, rooms);
    // A room holds everyone in the war room: the network part of identity evidence stays out.
    io?.to(deploymentRoom(event.deploymentId)).emit('deployment:event', eventFor(ROOM_VIEWER, event));
    appMetrics().eventsPublished.inc({ type: event.type });
    for (const listener of listeners()) {
      try {
        listener(event);
      } catch {
        // A failing listener must never break the write path.
      }
    }
  }
  for (const [deploymentId, rooms] of listRooms) io?.to([...rooms]).emit('deployments:changed', { deploymentId });
}

export function publishMetrics(batch: MetricsBatch) {
  getIoServer()?.volatile.to(deploymentRoom(batch.deploymentId)).emit('deployment:metrics', batch);
}

/** An attempt at delivering one of the deployment's own webhooks was recorded (see the protocol). */
export function publishWebhookAttempt(deploymentId: string) {
  getIoServer()?.to(deploymentRoom(deploymentId)).emit('deployment:webhooks', { deploymentId });
}

/** A check's state moved (checking → passing …): not an event, a live reading like metrics. */
export function publishCheck(deploymentId: string, check: CheckDto) {
  getIoServer()?.to(deploymentRoom(deploymentId)).emit('deployment:check', { deploymentId, check });
}
