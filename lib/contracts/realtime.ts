import type { TimelineEvent } from '@/lib/domain/event-log';
import type { PresenceEntry } from '@/lib/domain/merge-presence';

/** The payloads of the war room's socket events; the event names are in lib/realtime/protocol. */

export type SubscribePayload = { deploymentId: string; afterSeq: number };
export type SubscribeAck =
  | { ok: true; events: TimelineEvent[]; seq: number; complete: boolean }
  | { ok: false; error: { code: string; message: string } };

export type { PresenceEntry };
/** `online` names at most PRESENCE_LIST_MAX people (role holders first); `total` counts everyone. */
export type PresencePayload = { deploymentId: string; online: PresenceEntry[]; total: number };
export type ResyncPayload = { deploymentId: string; seq: number };

export type MetricPoint = { series: string; ts: number; value: number };
export type MetricsBatch = { deploymentId: string; points: MetricPoint[] };

/**
 * The Deployments page watches the unfinished war rooms it shows (at most WATCH_LIST_MAX); the
 * ack says how many of them the caller may read and now watches.
 */
export type WatchListPayload = { deploymentIds: string[] };
export type WatchListAck = { ok: true; watching: number } | { ok: false; error: { code: string; message: string } };
/** Something on a war room's card changed, or one joined the caller's list: read the list again. */
export type ListChangedPayload = { deploymentId: string };
