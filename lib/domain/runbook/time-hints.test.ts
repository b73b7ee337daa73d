import { describe, expect, it } from 'vitest';
import {
  clockOffset,
  formatTimeHint,
  headingTimeHint,
  parseClock,
  parseDurationSec,
  parseTimeHint,
  resolveHint,
} from './time-hints';

const T0 = { minutes: 8 * 60, date: null, dayOffset: 0 };
const planned = (text: string, t0: typeof T0 | null = T0) => {
  const hint = parseTimeHint(text);
  return hint ? resolveHint(hint, t0) : null;
};

describe('parseTimeHint: the forms runbooks use', () => {
  it('reads a clock window with its duration, relative to a stated go-live', () => {
    expect(planned('07:30Z - 07:55Z, 25 min')).toEqual({ startMin: -30, durationMin: 25 });
    expect(planned('08:30Z - 09:00Z, 30 min')).toEqual({ startMin: 30, durationMin: 30 });
  });

  it('keeps the duration of a clock window but no start when the go-live time is unknown', () => {
    expect(planned('07:30Z - 07:55Z, 25 min', null)).toEqual({ startMin: null, durationMin: 25 });
    expect(planned('08:30Z - 09:40Z', null)).toEqual({ startMin: null, durationMin: 70 });
  });

  it('reads bare durations', () => {
    expect(planned('5 min')).toEqual({ startMin: null, durationMin: 5 });
    expect(planned('2 hours')).toEqual({ startMin: null, durationMin: 120 });
    expect(planned('90s')).toEqual({ startMin: null, durationMin: 2 });
  });

  it('reads T-minus and T-plus notation', () => {
    expect(planned('T-30 minutes')).toEqual({ startMin: -30, durationMin: null });
    expect(planned('T-1 hour')).toEqual({ startMin: -60, durationMin: null });
    expect(planned('T-2h')).toEqual({ startMin: -120, durationMin: null });
    expect(planned('T0')).toEqual({ startMin: 0, durationMin: null });
    expect(planned('T+0 to T+30 min')).toEqual({ startMin: 0, durationMin: 30 });
    expect(planned('T+60 to T+180 min')).toEqual({ startMin: 60, durationMin: 120 });
  });

  it('reads 12-hour clocks, carrying PM from the end of a window to its start', () => {
    expect(parseClock('11:30 AM UTC')).toEqual({ minutes: 690, date: null, dayOffset: 0 });
    expect(planned('12:00 - 12:05 PM UTC', { minutes: 720, date: null, dayOffset: 0 })).toEqual({
      startMin: 0,
      durationMin: 5,
    });
    expect(planned('12:30 PM UTC - 1:00 PM UTC', { minutes: 720, date: null, dayOffset: 0 })).toEqual({
      startMin: 30,
      durationMin: 30,
    });
  });

  it('reads days and hours before or after go-live', () => {
    expect(planned('Day -1')).toEqual({ startMin: -1440, durationMin: null });
    expect(planned('Day 1-7')).toEqual({ startMin: 1440, durationMin: 7 * 1440 });
    expect(planned('24 Hours Before')).toEqual({ startMin: -1440, durationMin: null });
    expect(planned('48 hours after')).toEqual({ startMin: 2880, durationMin: null });
    expect(planned('48 Hours Post-Launch')).toEqual({ startMin: 2880, durationMin: null });
    expect(planned('1 Week Post-Launch')).toEqual({ startMin: 10080, durationMin: null });
  });

  it('reads checkpoint offsets', () => {
    expect(planned('+12h')).toEqual({ startMin: 720, durationMin: null });
    expect(planned('-30 min')).toEqual({ startMin: -30, durationMin: null });
  });

  it('crosses midnight with "+1" and keeps dated times exact', () => {
    expect(planned('17:30Z - 08:00Z+1')).toEqual({ startMin: 570, durationMin: 870 });
    const t0 = parseClock('2026-01-15 08:00Z')!;
    expect(clockOffset(parseClock('2026-01-16 08:00Z')!, t0)).toBe(1440);
    expect(clockOffset(parseClock('2026-01-14 18:00Z')!, t0)).toBe(-840);
  });

  it('reads undated clocks as the nearest time to go-live', () => {
    expect(clockOffset({ minutes: 23 * 60, date: null, dayOffset: 0 }, { minutes: 60, date: null, dayOffset: 0 })).toBe(
      -120,
    );
  });

  it('refuses parentheses that are not timing at all', () => {
    for (const text of ['Week 1', 'if applicable', 'DBA', "Don't Rollback", 'Zoom', '30-45 minutes', '']) {
      expect(parseTimeHint(text), text).toBeNull();
    }
  });
});

describe('headingTimeHint', () => {
  it('takes a trailing timing note off the phase title', () => {
    expect(headingTimeHint('Phase 1: Preparation (T-30 minutes)')).toMatchObject({
      title: 'Phase 1: Preparation',
      hint: { startMin: -30 },
    });
    expect(headingTimeHint('Pre-Deployment Checklist (07:30Z - 07:55Z, 25 min)')).toMatchObject({
      title: 'Pre-Deployment Checklist',
      hint: { durationMin: 25, clockStart: { minutes: 450 } },
    });
  });

  it('keeps a title that is itself a time, and reads the time from it', () => {
    expect(headingTimeHint('72 Hours Before Go-Live')).toMatchObject({
      title: '72 Hours Before Go-Live',
      hint: { startMin: -4320 },
    });
    expect(headingTimeHint('Day -7: Final Preparation')).toMatchObject({ hint: { startMin: -10080 } });
    expect(headingTimeHint('Milestone: 48 Hours Post-Launch')).toMatchObject({ hint: { startMin: 2880 } });
  });

  it('does not mistake other headings for times', () => {
    for (const text of [
      'Phase 10.1: Pre-Deployment Preparation',
      '24-Hour Post-Deployment Monitoring',
      'Hypercare Period (Week 1)',
      'Release 10:30 notes',
      'Go-Live Status: ✅ READY',
    ]) {
      expect(headingTimeHint(text).hint, text).toBeNull();
    }
  });
});

describe('formatting and durations', () => {
  it('writes the canonical note the exporter uses, and reads it back', () => {
    for (const [start, duration] of [
      [-30, 25],
      [0, 30],
      [-4320, null],
      [null, 5],
      [720, 90],
      [-1, 0],
    ] as const) {
      const text = formatTimeHint(start, duration);
      expect(planned(text), text).toEqual({ startMin: start, durationMin: duration });
    }
    expect(formatTimeHint(-30, 25)).toBe('T-30 min, 25 min');
    expect(formatTimeHint(-4320, null)).toBe('T-72 h');
    expect(formatTimeHint(null, null)).toBe('');
  });

  it('reads sustain windows in seconds', () => {
    expect(parseDurationSec('for >10 minutes')).toBe(600);
    expect(parseDurationSec('30 seconds')).toBe(30);
    expect(parseDurationSec('1.5 h')).toBe(5400);
    expect(parseDurationSec('soon')).toBeNull();
  });
});
