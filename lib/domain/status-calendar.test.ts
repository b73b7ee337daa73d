import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  calendarSequence,
  escapeIcsText,
  foldLine,
  icsDateTime,
  plannedWindow,
  renderIcs,
  type CalendarEvent,
} from './status-calendar';

const T0 = new Date('2026-12-05T08:00:00Z');
const HOSTILE = 'Checkout, v2; "quoted" \\ back\nslash\r\nand <b>html</b>';

function calendar(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: 'urn:uuid:01234567-89ab-8def-8123-456789abcdef',
    sequence: 2,
    modified: new Date('2026-12-04T10:15:00Z'),
    start: T0,
    end: new Date('2026-12-05T09:30:00Z'),
    summary: 'Go-live: Checkout 2.4',
    description: 'Live status: https://war.example/status/ws_abc',
    url: 'https://war.example/status/ws_abc',
    cancelled: false,
    ...overrides,
  };
}

describe('renderIcs', () => {
  it('writes one VEVENT with the planned window, UID, SEQUENCE and the page link, in CRLF lines', () => {
    const ics = renderIcs(calendar());
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const component = new ICAL.Component(ICAL.parse(ics));
    expect(component.getFirstPropertyValue('version')).toBe('2.0');
    expect(component.getFirstPropertyValue('prodid')).toBe('-//War Room//Status calendar//EN');
    const vevent = component.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe('urn:uuid:01234567-89ab-8def-8123-456789abcdef');
    expect(event.sequence).toBe(2);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-05T08:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-05T09:30:00.000Z');
    expect(event.summary).toBe('Go-live: Checkout 2.4');
    expect(vevent.getFirstPropertyValue('url')).toBe('https://war.example/status/ws_abc');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(ics).toContain('DTSTAMP:20261204T101500Z\r\n');
  });

  it('escapes commas, semicolons, backslashes and newlines in hostile names, and says when it is called off', () => {
    const ics = renderIcs(calendar({ summary: HOSTILE, description: HOSTILE, cancelled: true }));
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    const unfolded = HOSTILE.replace(/\r\n/g, '\n');
    expect(vevent.getFirstPropertyValue('summary')).toBe(unfolded);
    expect(vevent.getFirstPropertyValue('description')).toBe(unfolded);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(ics).toContain('SUMMARY:Checkout\\, v2\\; "quoted" \\\\ back\\nslash\\nand <b>html</b>\r\n');
  });

  it('folds long lines at 75 octets without splitting a character, and the parser joins them again', () => {
    const name = `Zahlungsverkehr Überweisungen ${'äöü€🚀 '.repeat(20)}`;
    const ics = renderIcs(calendar({ summary: name }));
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics).not.toContain('\uFFFD');
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('summary')).toBe(name);
  });
});

describe('the parts', () => {
  it('escape TEXT values and drop control characters', () => {
    expect(escapeIcsText('a,b;c\\d\ne\u0007')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('fold exactly at 75 octets, continuing with a space', () => {
    const line = 'X'.repeat(160);
    expect(
      foldLine(line)
        .split('\r\n')
        .map((l) => l.length),
    ).toEqual([75, 75, 12]);
    expect(foldLine('short')).toBe('short');
  });

  it('write UTC date-times in the basic format', () => {
    expect(icsDateTime(new Date('2026-12-05T08:00:30.123Z'))).toBe('20261205T080030Z');
  });

  it('take the window from T0 to the end of the last go-live phase, monitoring left out', () => {
    const phases = [
      { kind: 'normal' as const, plannedStartMin: -30, plannedDurationMin: 30 },
      { kind: 'normal' as const, plannedStartMin: 0, plannedDurationMin: 45 },
      { kind: 'normal' as const, plannedStartMin: null, plannedDurationMin: 20 },
      { kind: 'monitoring' as const, plannedStartMin: 65, plannedDurationMin: 240 },
    ];
    const window = plannedWindow(T0, phases);
    expect(window.start.toISOString()).toBe('2026-12-05T08:00:00.000Z');
    expect(window.end.toISOString()).toBe('2026-12-05T09:05:00.000Z');
    expect(plannedWindow(T0, []).end.toISOString()).toBe('2026-12-05T09:00:00.000Z');
  });

  it('count a revision for each reschedule and one for calling the go-live off', () => {
    expect(calendarSequence(0, 'planned')).toBe(0);
    expect(calendarSequence(2, 'in_progress')).toBe(2);
    expect(calendarSequence(2, 'aborted')).toBe(3);
  });
});
