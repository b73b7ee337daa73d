import 'server-only';
import { createHash } from 'node:crypto';
import type { PublicStatus } from '@/lib/domain/public-status';
import { renderBadge, statusBadge } from '@/lib/domain/status-badge';
import { calendarSequence, plannedWindow, renderIcs } from '@/lib/domain/status-calendar';
import {
  FEED_ENTRIES_SHOWN,
  FEED_EVENT_TYPES,
  feedEntries,
  renderAtom,
  uuidUrn,
  type FeedEvent,
} from '@/lib/domain/status-feed';
import { prisma } from '@/lib/server/db';
import { env } from '@/lib/server/env';
import { AppError } from '@/lib/server/errors';
import { findActiveShareLink } from '@/lib/server/share-links/share-token';
import { processSingleton } from '@/lib/server/singleton';
import { getPublicStatus } from './public-status-cache';

/**
 * The feed, the calendar and the badge: three more views of the public status snapshot, behind
 * the same share token. They read the same cached snapshot as the page (plus, for the feed and
 * the calendar, a few public events from the log), so they can show nothing the page does not.
 */

type Shared = { token: string; deploymentId: string; showNames: boolean; status: PublicStatus };

/** The snapshot behind a live share token; 404 for an unknown, malformed or revoked one. */
export async function sharedStatus(token: string): Promise<Shared> {
  const link = await findActiveShareLink(token);
  const status = link ? await getPublicStatus(link.deploymentId, link.showNames) : null;
  if (!link || !status) throw new AppError('not_found', 'This status link does not exist or was revoked.');
  return { token, deploymentId: link.deploymentId, showNames: link.showNames, status };
}

/** Absolute links: the configured public URL when there is one, else the address the request came to. */
export function appOrigin(request: Request): string {
  return env().BETTER_AUTH_URL ? new URL(env().BETTER_AUTH_URL!).origin : new URL(request.url).origin;
}

export function pageUrl(request: Request, token: string): string {
  return `${appOrigin(request)}/status/${token}`;
}

// Ids are hashes of the deployment's id: stable for every link to it, and the id itself (which the
// public page never shows) cannot be read back from them.
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');
const deploymentUrn = (deploymentId: string) => uuidUrn(hashOf(`war-room:status:${deploymentId}`));

type LogFacts = {
  seq: number;
  createdAt: Date;
  events: FeedEvent[];
  reschedules: number;
  lastRescheduleAt: Date | null;
};

/** The log facts per deployment and name variant, read again only when the snapshot's seq moved. */
const FACTS_KEPT = 500;
const facts = () => processSingleton('__warroomStatusFeedFacts', () => new Map<string, LogFacts>());

async function logFacts(shared: Shared): Promise<LogFacts> {
  const key = `${shared.deploymentId}:${shared.showNames ? 'names' : 'anon'}`;
  const cached = facts().get(key);
  if (cached && cached.seq === shared.status.seq) return cached;
  const where = { deploymentId: shared.deploymentId, seq: { lte: shared.status.seq } };
  const [deployment, events, reschedules, lastReschedule] = await Promise.all([
    prisma.deployment.findUniqueOrThrow({ where: { id: shared.deploymentId }, select: { createdAt: true } }),
    prisma.event.findMany({
      where: { ...where, type: { in: [...FEED_EVENT_TYPES] } },
      orderBy: { seq: 'desc' },
      take: FEED_ENTRIES_SHOWN,
      select: { seq: true, type: true, at: true, actorName: true, payload: true },
    }),
    prisma.event.count({ where: { ...where, type: 'deployment.rescheduled' } }),
    prisma.event.findFirst({
      where: { ...where, type: 'deployment.rescheduled' },
      orderBy: { seq: 'desc' },
      select: { at: true },
    }),
  ]);
  const fresh: LogFacts = {
    seq: shared.status.seq,
    createdAt: deployment.createdAt,
    events: events.map((e) => ({ ...e, actorName: shared.showNames ? e.actorName : null, data: asData(e.payload) })),
    reschedules,
    lastRescheduleAt: lastReschedule?.at ?? null,
  };
  const map = facts();
  map.delete(key);
  map.set(key, fresh);
  // Oldest first in a Map: forget the least recently refreshed once there are too many.
  if (map.size > FACTS_KEPT) map.delete(map.keys().next().value!);
  return fresh;
}

const asData = (payload: unknown) =>
  payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : ({} as Record<string, unknown>);

const titleOf = (status: PublicStatus) =>
  `${status.name}${status.version && !status.name.includes(status.version) ? ` ${status.version}` : ''}`;

export async function statusFeed(request: Request, shared: Shared): Promise<string> {
  const log = await logFacts(shared);
  const page = pageUrl(request, shared.token);
  const entries = feedEntries(log.events, shared.showNames, (seq) =>
    uuidUrn(hashOf(`war-room:status:${shared.deploymentId}:${seq}`)),
  );
  return renderAtom({
    id: deploymentUrn(shared.deploymentId),
    title: `${titleOf(shared.status)} — go-live status`,
    updated: entries[0]?.at ?? log.createdAt.toISOString(),
    selfUrl: `${page}/feed.atom`,
    pageUrl: page,
    entries,
  });
}

export async function statusCalendar(request: Request, shared: Shared): Promise<string> {
  const log = await logFacts(shared);
  const page = pageUrl(request, shared.token);
  const { status } = shared;
  const window = plannedWindow(status.goLiveAt, status.phases);
  return renderIcs({
    uid: deploymentUrn(shared.deploymentId),
    sequence: calendarSequence(log.reschedules, status.state),
    // The revision's time: calling it off is the latest revision of an aborted go-live.
    modified:
      status.state === 'aborted' && status.finishedAt
        ? new Date(status.finishedAt)
        : (log.lastRescheduleAt ?? log.createdAt),
    start: window.start,
    end: window.end,
    summary: `Go-live: ${titleOf(status)}`,
    description: `Live status of the go-live: ${page}`,
    url: page,
    cancelled: status.state === 'aborted',
  });
}

export function statusBadgeSvg(shared: Shared): string {
  return renderBadge(statusBadge(shared.status));
}
