/**
 * The planned go-live as an iCalendar event (RFC 5545), for stakeholders who subscribe to it or
 * import it. When the go-live moves, the event keeps its UID and its SEQUENCE goes up, so
 * calendar clients update the entry they have instead of adding a second one.
 */
import type { DeploymentState } from './deployment-state';
import type { PublicPhase } from './public-status';

export type CalendarEvent = {
  uid: string;
  /** Revision number: one more for each move of the go-live (and for a cancellation). */
  sequence: number;
  /** When this revision was made: the last reschedule, or the deployment's creation. */
  modified: Date;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  url: string;
  cancelled: boolean;
};

const MINUTE = 60_000;
/** A plan without durations still needs a window a calendar can show. */
export const DEFAULT_WINDOW_MIN = 60;

/**
 * The planned window: from T0 to the planned end of the last go-live phase (monitoring, hours of
 * watching afterwards, does not count). A phase without a planned start follows the one before it.
 */
export function plannedWindow(
  goLiveAt: Date | string,
  phases: readonly Pick<PublicPhase, 'kind' | 'plannedStartMin' | 'plannedDurationMin'>[],
): { start: Date; end: Date } {
  const start = new Date(goLiveAt);
  let cursor = 0;
  let end = 0;
  for (const phase of phases) {
    if (phase.kind === 'monitoring') continue;
    const from = phase.plannedStartMin ?? cursor;
    cursor = from + (phase.plannedDurationMin ?? 0);
    end = Math.max(end, cursor);
  }
  return { start, end: new Date(start.getTime() + (end > 0 ? end : DEFAULT_WINDOW_MIN) * MINUTE) };
}

/** SEQUENCE from the log: each reschedule is a revision, and so is calling the go-live off. */
export function calendarSequence(reschedules: number, state: DeploymentState): number {
  return reschedules + (state === 'aborted' ? 1 : 0);
}

/** TEXT values (§3.3.11): backslash, semicolon, comma and newlines are escaped. */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/**
 * Content lines are at most 75 octets (§3.1): longer ones continue on the next line after CRLF
 * and a space. Octets, not characters — and a multi-byte character is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char);
    // The first line holds 75 octets; each continuation 74 after its leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utf8Octets(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** 20261205T080000Z */
export function icsDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function renderIcs(event: CalendarEvent): string {
  const stamp = icsDateTime(event.modified);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//War Room//Status calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${stamp}`,
    `LAST-MODIFIED:${stamp}`,
    `DTSTART:${icsDateTime(event.start)}`,
    `DTEND:${icsDateTime(event.end)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    `DESCRIPTION:${escapeIcsText(event.description)}`,
    // A URI value is not TEXT: it is written as is (our URLs carry no control characters).
    `URL:${event.url.replace(/[\r\n]/g, '')}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
