import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration, formatRelative, formatUtc, formatUtcTime, phaseSchedule, tMinus } from './clock';

const utc = (iso: string) => new Date(iso);
const T0 = utc('2026-11-26T08:00:00Z');

describe('tMinus', () => {
  it('counts down to go-live and up after it', () => {
    expect(tMinus(T0, utc('2026-11-26T06:57:57Z'))).toEqual({
      sign: '-',
      totalSeconds: 3723,
      days: 0,
      label: 'T-01:02:03',
    });
    expect(tMinus(T0, utc('2026-11-26T08:05:00Z'))).toEqual({
      sign: '+',
      totalSeconds: 300,
      days: 0,
      label: 'T+00:05:00',
    });
  });

  it('reads T+00:00:00 at go-live and T-00:00:01 in the last second before it', () => {
    expect(tMinus(T0, T0).label).toBe('T+00:00:00');
    expect(tMinus(T0, utc('2026-11-26T07:59:59.400Z')).label).toBe('T-00:00:01');
    expect(tMinus(T0, utc('2026-11-26T08:00:00.900Z')).label).toBe('T+00:00:00');
  });

  it('shows days from 24 hours away', () => {
    expect(tMinus(T0, utc('2026-11-24T04:55:55Z'))).toMatchObject({ days: 2, label: 'T-2d 03:04:05' });
    expect(tMinus(T0, utc('2026-11-25T08:00:01Z')).label).toBe('T-23:59:59');
    expect(tMinus(T0, utc('2026-11-25T08:00:00Z')).label).toBe('T-1d 00:00:00');
    expect(tMinus(T0, utc('2026-11-27T09:00:00Z')).label).toBe('T+1d 01:00:00');
  });

  it('crosses midnight', () => {
    const lateGoLive = utc('2026-12-31T23:50:00Z');
    expect(tMinus(lateGoLive, utc('2027-01-01T00:10:00Z')).label).toBe('T+00:20:00');
    expect(tMinus(utc('2027-01-01T00:15:00Z'), utc('2026-12-31T23:45:00Z')).label).toBe('T-00:30:00');
  });

  it('treats dates written with an offset as the instants they are', () => {
    // 09:00 in Paris is 08:00Z: go-live is now.
    expect(tMinus(T0, utc('2026-11-26T09:00:00+01:00')).label).toBe('T+00:00:00');
    // Same wall-clock time either side of the UK clocks going back is one real hour apart.
    expect(tMinus(utc('2026-10-25T01:30:00+00:00'), utc('2026-10-25T01:30:00+01:00')).label).toBe('T-01:00:00');
  });
});

describe('phaseSchedule', () => {
  const plan = { goLiveAt: T0, plannedStartMin: -30, plannedDurationMin: 30 };

  it('places the phase on the clock from T0', () => {
    const s = phaseSchedule({ ...plan, now: utc('2026-11-26T07:00:00Z') });
    expect(s).toMatchObject({ state: 'upcoming', overdueSeconds: 0, actualStart: null, elapsedSeconds: null });
    expect(formatUtc(s.plannedStart!)).toBe('2026-11-26 07:30Z');
    expect(formatUtc(s.plannedEnd!)).toBe('2026-11-26 08:00Z');
  });

  it('is overdue when not started past its planned start', () => {
    expect(phaseSchedule({ ...plan, now: utc('2026-11-26T07:30:00Z') })).toMatchObject({
      state: 'upcoming',
      overdueSeconds: 0,
    });
    expect(phaseSchedule({ ...plan, now: utc('2026-11-26T07:42:10Z') })).toMatchObject({
      state: 'overdue',
      overdueSeconds: 730,
    });
  });

  it('runs, then is overdue past its planned end', () => {
    const startedAt = utc('2026-11-26T07:35:00Z');
    expect(phaseSchedule({ ...plan, startedAt, now: utc('2026-11-26T07:50:00Z') })).toMatchObject({
      state: 'running',
      overdueSeconds: 0,
      remainingSeconds: 600,
      elapsedSeconds: 900,
      overrunSeconds: 0,
    });
    expect(phaseSchedule({ ...plan, startedAt, now: utc('2026-11-26T08:07:00Z') })).toMatchObject({
      state: 'overdue',
      overdueSeconds: 420,
      remainingSeconds: 0,
      elapsedSeconds: 1920,
      overrunSeconds: 120,
    });
  });

  it('when done, keeps the actual times and shows the overrun', () => {
    const s = phaseSchedule({
      ...plan,
      startedAt: utc('2026-11-26T07:30:00Z'),
      completedAt: utc('2026-11-26T08:12:00Z'),
      now: utc('2026-11-26T09:00:00Z'),
    });
    expect(s).toMatchObject({ state: 'done', overdueSeconds: 0, elapsedSeconds: 2520, overrunSeconds: 720 });
    expect(formatUtc(s.actualEnd!)).toBe('2026-11-26 08:12Z');
  });

  it('runs across midnight', () => {
    const s = phaseSchedule({
      goLiveAt: utc('2026-12-31T23:30:00Z'),
      plannedStartMin: 15,
      plannedDurationMin: 30,
      startedAt: utc('2026-12-31T23:45:00Z'),
      now: utc('2027-01-01T00:20:00Z'),
    });
    expect(formatUtc(s.plannedEnd!)).toBe('2027-01-01 00:15Z');
    expect(s).toMatchObject({ state: 'overdue', overdueSeconds: 300, elapsedSeconds: 2100 });
  });

  it('without a planned start, measures the duration from the actual start', () => {
    const s = phaseSchedule({
      goLiveAt: T0,
      plannedDurationMin: 10,
      startedAt: utc('2026-11-26T09:00:00Z'),
      now: utc('2026-11-26T09:04:00Z'),
    });
    expect(s).toMatchObject({ state: 'running', plannedStart: null, remainingSeconds: 360 });
    expect(phaseSchedule({ goLiveAt: T0, now: utc('2030-01-01T00:00:00Z') })).toMatchObject({
      state: 'upcoming',
      overdueSeconds: 0,
    });
  });
});

describe('formatRelative', () => {
  it('writes offsets from T0 as runbooks do', () => {
    expect(formatRelative(-30)).toBe('T-30m');
    expect(formatRelative(90)).toBe('T+1h 30m');
    expect(formatRelative(720)).toBe('T+12h');
    expect(formatRelative(-60)).toBe('T-1h');
    expect(formatRelative(2880)).toBe('T+48h');
    expect(formatRelative(0)).toBe('T0');
  });
});

describe('formatDuration', () => {
  it('uses the two largest units', () => {
    expect(formatDuration(130)).toBe('2 min 10 s');
    expect(formatDuration(3900)).toBe('1 h 5 min');
    expect(formatDuration(3905)).toBe('1 h 5 min');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(180)).toBe('3 min');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(97_200)).toBe('1 d 3 h');
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(12.9)).toBe('12 s');
    expect(formatDuration(-130)).toBe('-2 min 10 s');
  });
});

describe('formatting shows UTC whatever the machine time zone', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each([
    ['UTC', 0],
    ['America/Los_Angeles', 480],
    ['Pacific/Kiritimati', -840],
    ['Asia/Kolkata', -330],
  ])('in %s', (tz, offsetMin) => {
    process.env.TZ = tz;
    expect(new Date('2026-11-26T08:00:00Z').getTimezoneOffset()).toBe(offsetMin); // the zone really changed
    const goLive = new Date('2026-11-26T13:30:00+05:30');
    expect(formatUtc(goLive)).toBe('2026-11-26 08:00Z');
    expect(formatUtcTime(goLive)).toBe('08:00Z');
    expect(formatUtc(new Date('2026-11-25T23:59:00-08:00'))).toBe('2026-11-26 07:59Z');
    const { plannedStart } = phaseSchedule({ goLiveAt: goLive, plannedStartMin: -30, now: goLive });
    expect(formatUtc(plannedStart!)).toBe('2026-11-26 07:30Z');
    expect(tMinus(goLive, new Date('2026-11-26T07:30:00Z')).label).toBe('T-00:30:00');
  });
});
