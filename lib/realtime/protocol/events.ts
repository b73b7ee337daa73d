import type { CheckDto } from '@/lib/contracts/items';
import type {
  ListChangedPayload,
  MetricsBatch,
  PresenceEntry,
  PresencePayload,
  ResyncPayload,
  SubscribeAck,
  SubscribePayload,
  WatchListAck,
  WatchListPayload,
} from '@/lib/contracts/realtime';
import type { TimelineEvent } from '@/lib/domain/event-log';

/** Typed socket.io events, shared by server.ts and the browser client; the payloads are in lib/contracts. */

export type {
  ListChangedPayload,
  MetricPoint,
  MetricsBatch,
  PresenceEntry,
  PresencePayload,
  ResyncPayload,
  SubscribeAck,
  SubscribePayload,
} from '@/lib/contracts/realtime';

export interface ServerToClientEvents {
  'deployment:event': (event: TimelineEvent) => void;
  'deployment:presence': (payload: PresencePayload) => void;
  /**
   * The deployment's latest event number, sent when this process may have missed events
   * (its link to the other processes was down): a client behind it subscribes again.
   */
  'deployment:resync': (payload: ResyncPayload) => void;
  /**
   * True while this process cannot reach the other processes (Redis down): live events come
   * only from writes made through it. False once it can again and has sent its resync hints.
   */
  'server:isolated': (payload: { isolated: boolean }) => void;
  /** Volatile, batched: losing one only thins a chart. */
  'deployment:metrics': (payload: MetricsBatch) => void;
  /** An item's check changed state or ran: its whole check (runs stay on the server). */
  'deployment:check': (payload: { deploymentId: string; check: CheckDto }) => void;
  /**
   * An attempt at delivering one of this deployment's webhooks was recorded. Nothing more: the
   * webhooks are the IC's, whose screens read them again; everyone else has nothing to read.
   */
  'deployment:webhooks': (payload: { deploymentId: string }) => void;
  /**
   * To the Deployments page: a watched war room changed (any event of it), or one was made, or the
   * person was added to or removed from one. Only the id: the page reads its list again.
   */
  'deployments:changed': (payload: ListChangedPayload) => void;
}

export interface ClientToServerEvents {
  'deployment:subscribe': (payload: SubscribePayload, ack: (result: SubscribeAck) => void) => void;
  'deployment:unsubscribe': (payload: { deploymentId: string }) => void;
  /** Replaces the list's watched war rooms with these (those the caller may read). */
  'deployments:watch': (payload: WatchListPayload, ack: (result: WatchListAck) => void) => void;
  /** The Deployments page was left: no more list changes. */
  'deployments:unwatch': () => void;
}

/** Between app processes (through the Redis adapter). */
export interface InterServerEvents {
  /** Who watches the deployment through the process asked: one entry per person. */
  'presence:list': (deploymentId: string, reply: (online: PresenceEntry[]) => void) => void;
}

const DEPLOYMENT_ROOM = 'deployment:';
export const deploymentRoom = (deploymentId: string) => `${DEPLOYMENT_ROOM}${deploymentId}`;
/** The deployment a room serves, or null for any other room (a socket's own, say). */
export const deploymentOfRoom = (room: string): string | null =>
  room.startsWith(DEPLOYMENT_ROOM) ? room.slice(DEPLOYMENT_ROOM.length) : null;

/** Max events sent in one subscribe ack; a client that gets `complete: false` asks again. */
export const RESYNC_PAGE_SIZE = 1000;
