/**
 * The war-room clock. Times are instants (stored UTC); everything is measured from go-live, T0,
 * and shown in UTC with a 'Z' as runbooks write it ('08:00Z'), so people in different time zones
 * read the same numbers. Nothing here depends on the machine's time zone.
 */

const SECOND = 1000;
const DAY_SECONDS = 86_400;

const pad = (n: number) => String(n).padStart(2, '0');

export type TMinus = {
  /** '-' before go-live, '+' from go-live on. */
  sign: '-' | '+';
  totalSeconds: number;
  days: number;
  /** 'T-01:02:03', 'T+00:05:00', or 'T-2d 03:04:05' from 24 h away. */
  label: string;
};

/**
 * Countdown to (or time since) go-live. Before T0 the seconds round up, so the countdown reads
 * T-00:00:01 in its last second and T+00:00:00 exactly at go-live — never 'T-00:00:00'.
 */
export function tMinus(goLiveAt: Date, now: Date): TMinus {
  const untilMs = goLiveAt.getTime() - now.getTime();
  const sign = untilMs > 0 ? '-' : '+';
  const totalSeconds = untilMs > 0 ? Math.ceil(untilMs / SECOND) : Math.floor(-untilMs / SECOND);
  const days = Math.floor(totalSeconds / DAY_SECONDS);
  const rest = totalSeconds % DAY_SECONDS;
  const hms = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`;
  return { sign, totalSeconds, days, label: `T${sign}${days > 0 ? `${days}d ` : ''}${hms}` };
}

export type PhaseScheduleInput = {
  goLiveAt: Date;
  /** Minutes from T0; negative = before go-live. Null when the runbook gives no time. */
  plannedStartMin?: number | null;
  plannedDurationMin?: number | null;
  startedAt?: Date | null;
  completedAt?: Date | null;
  now: Date;
};

export type PhaseScheduleState = 'upcoming' | 'running' | 'done' | 'overdue';

export type PhaseSchedule = {
  plannedStart: Date | null;
  plannedEnd: Date | null;
  actualStart: Date | null;
  actualEnd: Date | null;
  /** How far behind schedule: past planned start and not started, or running past planned end. */
  overdueSeconds: number;
  /** Until planned end, while running (0 once past it); null otherwise. */
  remainingSeconds: number | null;
  /** Time taken so far (or in total, when done) beyond the planned duration. */
  overrunSeconds: number;
  /** Time taken so far (or in total); null until started. */
  elapsedSeconds: number | null;
  state: PhaseScheduleState;
};

const addMinutes = (d: Date, min: number) => new Date(d.getTime() + min * 60 * SECOND);
const secondsBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / SECOND);

/**
 * Where a phase stands against its plan. The planned end follows the planned start; a phase
 * with a duration but no planned start is measured from when it actually started.
 */
export function phaseSchedule(input: PhaseScheduleInput): PhaseSchedule {
  const { goLiveAt, now, startedAt = null, completedAt = null } = input;
  const plannedStart = input.plannedStartMin == null ? null : addMinutes(goLiveAt, input.plannedStartMin);
  const endFrom = plannedStart ?? startedAt;
  const plannedEnd =
    input.plannedDurationMin == null || !endFrom ? null : addMinutes(endFrom, input.plannedDurationMin);

  const elapsedSeconds = startedAt ? Math.max(0, secondsBetween(startedAt, completedAt ?? now)) : null;
  const plannedSeconds = input.plannedDurationMin == null ? null : input.plannedDurationMin * 60;
  const overrunSeconds =
    elapsedSeconds != null && plannedSeconds != null ? Math.max(0, elapsedSeconds - plannedSeconds) : 0;
  const base = {
    plannedStart,
    plannedEnd,
    actualStart: startedAt,
    actualEnd: completedAt,
    overrunSeconds,
    elapsedSeconds,
  };

  if (completedAt) return { ...base, overdueSeconds: 0, remainingSeconds: null, state: 'done' };

  if (startedAt) {
    const overdueSeconds = plannedEnd ? Math.max(0, secondsBetween(plannedEnd, now)) : 0;
    const remainingSeconds = plannedEnd
      ? Math.max(0, Math.ceil((plannedEnd.getTime() - now.getTime()) / SECOND))
      : null;
    return { ...base, overdueSeconds, remainingSeconds, state: overdueSeconds > 0 ? 'overdue' : 'running' };
  }

  const overdueSeconds = plannedStart ? Math.max(0, secondsBetween(plannedStart, now)) : 0;
  return { ...base, overdueSeconds, remainingSeconds: null, state: overdueSeconds > 0 ? 'overdue' : 'upcoming' };
}

/** Minutes from T0 as runbooks write them: 'T-30m', 'T+1h 30m', 'T+12h'; go-live itself is 'T0'. */
export function formatRelative(minutes: number): string {
  const whole = Math.round(minutes);
  if (whole === 0) return 'T0';
  const abs = Math.abs(whole);
  const parts = [Math.floor(abs / 60) && `${Math.floor(abs / 60)}h`, abs % 60 && `${abs % 60}m`].filter(Boolean);
  return `T${whole < 0 ? '-' : '+'}${parts.join(' ')}`;
}

/** A duration in its two largest units: '45 s', '2 min 10 s', '1 h 5 min', '2 d 3 h'. */
export function formatDuration(seconds: number): string {
  const total = Math.floor(Math.abs(seconds));
  const sign = seconds < 0 && total > 0 ? '-' : '';
  const units: [number, string][] = [
    [DAY_SECONDS, 'd'],
    [3600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  const first = units.findIndex(([size]) => total >= size);
  if (first < 0) return '0 s';
  const [bigSize, bigName] = units[first];
  const big = `${Math.floor(total / bigSize)} ${bigName}`;
  if (first === units.length - 1) return sign + big;
  const [smallSize, smallName] = units[first + 1];
  const small = Math.floor((total % bigSize) / smallSize);
  return sign + (small > 0 ? `${big} ${small} ${smallName}` : big);
}

/** '2026-11-26 08:00Z', whatever the time zone of the date's origin or of this machine. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')}Z`;
}

/** '08:00Z': the time of day alone, for schedules within one go-live. */
export function formatUtcTime(date: Date): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}Z`;
}
