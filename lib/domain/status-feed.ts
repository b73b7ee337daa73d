/**
 * The public status page as an Atom 1.0 feed (RFC 4287): the status updates the IC or comms post
 * and the deployment's state changes, newest first. It says what the public page says and no
 * more: no reasons (a hold's or a rollback's reason is internal), no levels, and an update's
 * author only when the share link shows names.
 */
import { isDeploymentState, stateLabel } from './deployment-state';
import { escapeXml } from './xml-text';

/** Event types the feed is made of; the server reads only these from the log. */
export const FEED_EVENT_TYPES = [
  'status.posted',
  'deployment.transitioned',
  'rollback.declared',
  'deployment.rescheduled',
] as const;

export const FEED_ENTRIES_SHOWN = 50;

/** A row of the event log as the feed needs it (newest first). */
export type FeedEvent = {
  seq: number;
  type: string;
  at: Date | string;
  actorName: string | null;
  data: Record<string, unknown>;
};

export type FeedEntry = { id: string; at: string; title: string; text: string; author: string | null };

export type AtomFeed = {
  /** A stable IRI for the feed (see `uuidUrn`). */
  id: string;
  title: string;
  /** When the feed last changed; the newest entry, or the deployment's creation for an empty feed. */
  updated: string;
  selfUrl: string;
  pageUrl: string;
  entries: FeedEntry[];
};

const TITLE_MAX = 90;

function headline(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length <= TITLE_MAX ? line : `${line.slice(0, TITLE_MAX - 1).trimEnd()}…`;
}

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Feed entries from the log, newest first. `idFor(seq)` gives each a stable id (the same event
 * always has the same one); events of other types are left out.
 */
export function feedEntries(
  events: readonly FeedEvent[],
  showNames: boolean,
  idFor: (seq: number) => string,
): FeedEntry[] {
  const entries: FeedEntry[] = [];
  for (const event of events) {
    const at = new Date(event.at).toISOString();
    const base = { id: idFor(event.seq), at };
    switch (event.type) {
      case 'status.posted': {
        const message = String(event.data.message ?? '');
        entries.push({ ...base, title: headline(message), text: message, author: showNames ? event.actorName : null });
        break;
      }
      case 'deployment.transitioned':
      case 'rollback.declared': {
        const to = event.type === 'rollback.declared' ? 'rolling_back' : event.data.to;
        if (!isDeploymentState(to)) break;
        const label = stateLabel(to);
        entries.push({
          ...base,
          title: `State: ${label}`,
          text: `The go-live is now ${label.toLowerCase()}.`,
          author: null,
        });
        break;
      }
      case 'deployment.rescheduled': {
        const to = new Date(String(event.data.to)).toISOString();
        entries.push({
          ...base,
          title: `Go-live moved to ${utc(to)}`,
          text: `The go-live is now planned for ${utc(to)}.`,
          author: null,
        });
        break;
      }
    }
  }
  return entries;
}

/** A UUID-shaped URN from 32+ hex digits (a hash the server made), for Atom and iCalendar ids. */
export function uuidUrn(hex: string): string {
  const h = hex
    .toLowerCase()
    .replace(/[^0-9a-f]/g, '')
    .padEnd(32, '0');
  // Version 8 ("custom") and the RFC 9562 variant: a well-formed UUID whose bits are our hash.
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function entryXml(entry: FeedEntry, pageUrl: string): string {
  return [
    '  <entry>',
    `    <id>${escapeXml(entry.id)}</id>`,
    `    <title type="text">${escapeXml(entry.title)}</title>`,
    `    <updated>${entry.at}</updated>`,
    `    <published>${entry.at}</published>`,
    ...(entry.author ? [`    <author><name>${escapeXml(entry.author)}</name></author>`] : []),
    `    <link rel="alternate" type="text/html" href="${escapeXml(pageUrl)}"/>`,
    `    <content type="text">${escapeXml(entry.text)}</content>`,
    '  </entry>',
  ].join('\n');
}

/** The feed document. Every entry links to the status page; the feed's author stands in for entries without one. */
export function renderAtom(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    `  <updated>${feed.updated}</updated>`,
    '  <author><name>War Room</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>`,
    '  <generator>War Room</generator>',
    ...feed.entries.map((entry) => entryXml(entry, feed.pageUrl)),
    '</feed>',
    '',
  ].join('\n');
}
