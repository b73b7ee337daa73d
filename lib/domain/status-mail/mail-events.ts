/**
 * Which events of the log subscribers are told about, and how each reads in a mail. Status
 * updates, state changes and moves of the go-live read exactly as in the Atom feed (the same
 * function: what a mail says never differs from what the page's feed says); phases are added.
 * Never ticks, gates, reasons or levels: a mail carries what the public page shows.
 */
import { FEED_EVENT_TYPES, feedEntries, type FeedEvent } from '@/lib/domain/status-feed';

export const MAIL_EVENT_TYPES = [...FEED_EVENT_TYPES, 'phase.started', 'phase.completed'] as const;

export type MailLine = { at: string; title: string; text: string; author: string | null };

function phaseLine(event: FeedEvent): MailLine | null {
  const title = String(event.data.title ?? '').trim();
  if (!title) return null;
  const at = new Date(event.at).toISOString();
  return event.type === 'phase.started'
    ? { at, title: `Phase started: ${title}`, text: `The phase “${title}” has started.`, author: null }
    : { at, title: `Phase complete: ${title}`, text: `The phase “${title}” is complete.`, author: null };
}

/** The mail's lines for these events, oldest first. */
export function mailLines(events: readonly FeedEvent[], showNames: boolean): MailLine[] {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  return ordered.flatMap((event): MailLine[] => {
    if (event.type === 'phase.started' || event.type === 'phase.completed') {
      const line = phaseLine(event);
      return line ? [line] : [];
    }
    return feedEntries([event], showNames, () => '').map(({ at, title, text, author }) => ({
      at,
      title,
      text,
      author,
    }));
  });
}
