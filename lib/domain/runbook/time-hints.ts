import { trailingParen } from './text';

/**
 * The timing notes runbooks put on phases — "(07:30Z - 07:55Z, 25 min)", "T-30 minutes",
 * "24 Hours Before Go-Live", "Day -1", "+12h" — read into minutes relative to go-live (T0).
 * Wall-clock times are kept as clocks until the go-live time is known.
 */

export type Clock = { minutes: number; date: string | null; dayOffset: number };

export type TimeHint = {
  /** Minutes relative to go-live, when the text says so directly. */
  startMin: number | null;
  durationMin: number | null;
  clockStart: Clock | null;
  clockEnd: Clock | null;
};

const UNIT = String.raw`(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|hr|h|days?|d|weeks?|wks?|w)\b`;
const NUM = String.raw`(\d+(?:\.\d+)?)`;
const SIGN = String.raw`([+\-−–])`;

function unitMinutes(unit: string | undefined): number {
  const u = (unit ?? 'm').toLowerCase();
  if (u.startsWith('s')) return 1 / 60;
  if (u.startsWith('h')) return 60;
  if (u.startsWith('d')) return 1440;
  if (u.startsWith('w')) return 10080;
  return 1;
}

const minutes = (n: string, unit: string | undefined) => Math.round(Number(n) * unitMinutes(unit));
const signOf = (s: string) => (s === '+' ? 1 : -1);

const CLOCK_SRC = String.raw`(?:(\d{4}-\d{2}-\d{2})[T\s]+)?\b(\d{1,2}):(\d{2})(?::\d{2})?\s*(Z\b|UTC\b|GMT\b)?\s*([AaPp]\.?[Mm]\b\.?)?\s*(?:UTC\b|GMT\b)?(?:\s*\+(\d)(?![\d:]))?`;

type ClockMatch = Clock & { zoned: boolean; meridiem: string | null };

function clockFrom(m: RegExpExecArray | string[], offset = 0): ClockMatch | null {
  const [date, h, min, zone, meridiem, plusDays] = m.slice(offset + 1, offset + 7);
  let hour = Number(h);
  const minute = Number(min);
  if (minute > 59 || hour > 23) return null;
  const mer = meridiem ? meridiem.replace(/\./g, '').toUpperCase() : null;
  if (mer) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (mer === 'PM' ? 12 : 0);
  }
  return {
    minutes: hour * 60 + minute,
    date: date ?? null,
    dayOffset: plusDays ? Number(plusDays) : 0,
    zoned: Boolean(zone || mer || date),
    meridiem: mer,
  };
}

/** The first wall-clock time in the text ("11:30 AM UTC", "2026-01-15 08:00Z"), if any. */
export function parseClock(text: string, requireZone = true): Clock | null {
  const m = new RegExp(CLOCK_SRC).exec(text);
  const clock = m ? clockFrom(m) : null;
  if (!clock || (requireZone && !clock.zoned)) return null;
  return { minutes: clock.minutes, date: clock.date, dayOffset: clock.dayOffset };
}

function daysBetween(from: string, to: string): number {
  const [a, b] = [from, to].map((d) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)));
  return Math.round((b - a) / 86_400_000);
}

/** Minutes from `t0` to `clock`; without dates the nearest reading (within ±12 h) wins. */
export function clockOffset(clock: Clock, t0: Clock): number {
  let diff = clock.minutes - t0.minutes + 1440 * (clock.dayOffset - t0.dayOffset);
  if (clock.date && t0.date) return diff + 1440 * daysBetween(t0.date, clock.date);
  if (clock.dayOffset === 0 && t0.dayOffset === 0) {
    while (diff <= -720) diff += 1440;
    while (diff > 720) diff -= 1440;
  }
  return diff;
}

function clockSpan(start: Clock, end: Clock): number {
  let span = end.minutes - start.minutes + 1440 * (end.dayOffset - start.dayOffset);
  if (start.date && end.date) span += 1440 * daysBetween(start.date, end.date);
  else if (span < 0) span += 1440;
  return span;
}

/** What one matcher read; `unzoned` marks a bare "12:30" that only counts inside parentheses. */
type HintPart = { [K in keyof TimeHint]?: TimeHint[K] } & { unzoned?: boolean };
type Matcher = { re: RegExp; inTitle: boolean; read: (m: RegExpExecArray) => HintPart | null };

const MATCHERS: Matcher[] = [
  {
    // T+0 to T+30 min, T-60 - T-30
    re: new RegExp(
      String.raw`\bT\s*(?:${SIGN}\s*${NUM}|(0))\s*(?:${UNIT})?\s*(?:to|until|-|–|—|\.\.)\s*T\s*(?:${SIGN}\s*${NUM}|(0))\s*(?:${UNIT})?`,
      'i',
    ),
    inTitle: true,
    read: (m) => {
      const unit = m[4] ?? m[8];
      const a = m[3] === '0' ? 0 : signOf(m[1]) * minutes(m[2], m[4] ?? unit);
      const b = m[7] === '0' ? 0 : signOf(m[5]) * minutes(m[6], m[8] ?? unit);
      return b >= a ? { startMin: a, durationMin: b - a } : null;
    },
  },
  {
    // T-30 minutes, T-1 hour, T+0, T0
    re: new RegExp(String.raw`\bT\s*(?:${SIGN}\s*${NUM}\s*(?:${UNIT})?|[+\-]?\s*(0)\b)`, 'i'),
    inTitle: true,
    read: (m) => ({ startMin: m[4] === '0' ? 0 : signOf(m[1]) * minutes(m[2], m[3]) }),
  },
  {
    // 07:30Z - 07:55Z, 12:30 PM UTC - 1:00 PM UTC, 12:00 - 12:05 PM UTC
    re: new RegExp(String.raw`${CLOCK_SRC}\s*(?:-|–|—|to|until)\s*${CLOCK_SRC}`, 'i'),
    inTitle: true,
    read: (m) => {
      const start = clockFrom(m, 0);
      const end = clockFrom(m, 6);
      if (!start || !end) return null;
      if (!start.meridiem && end.meridiem) {
        // "12:00 - 12:05 PM": the end's AM/PM applies to the start too.
        const raw = Number(m[2]);
        if (raw >= 1 && raw <= 12) {
          const withEnd = (raw % 12) * 60 + Number(m[3]) + (end.meridiem === 'PM' ? 720 : 0);
          start.minutes = withEnd <= end.minutes ? withEnd : (withEnd + 720) % 1440;
          start.zoned = true;
        }
      }
      if (!start.zoned && !end.zoned) return null;
      return { clockStart: start, clockEnd: end, durationMin: clockSpan(start, end) };
    },
  },
  {
    // Day -1, Day 0, Day 1-7
    re: /\bday\s*([+\-−–]?\d{1,3})(?:\s*(?:-|–|to)\s*([+\-−]?\d{1,3}))?\b/i,
    inTitle: true,
    read: (m) => {
      const a = Number(m[1].replace(/[−–]/, '-'));
      const b = m[2] === undefined ? null : Number(m[2].replace('−', '-'));
      return { startMin: a * 1440, durationMin: b === null || b < a ? null : (b - a + 1) * 1440 };
    },
  },
  {
    // 24 Hours Before Go-Live, 48 hours after, 1 Week Post-Launch
    re: new RegExp(String.raw`${NUM}\s*${UNIT}\s+(before|prior to|ahead of|after|post|following|into)\b`, 'i'),
    inTitle: true,
    read: (m) => ({ startMin: (/^(before|prior|ahead)/i.test(m[3]) ? -1 : 1) * minutes(m[1], m[2]) }),
  },
  {
    // +12h, -30 min
    re: new RegExp(String.raw`^${SIGN}\s*${NUM}\s*${UNIT}`, 'i'),
    inTitle: true,
    read: (m) => ({ startMin: signOf(m[1]) * minutes(m[2], m[3]) }),
  },
  {
    // First 24 Hours, First Week
    re: new RegExp(String.raw`^first\s+(?:(\d+(?:\.\d+)?)\s+)?${UNIT}`, 'i'),
    inTitle: true,
    read: (m) => ({ startMin: 0, durationMin: minutes(m[1] ?? '1', m[2]) }),
  },
  {
    // Hour 0-2
    re: /^hours?\s+(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\b/i,
    inTitle: true,
    read: (m) =>
      Number(m[2]) >= Number(m[1])
        ? { startMin: Number(m[1]) * 60, durationMin: (Number(m[2]) - Number(m[1])) * 60 }
        : null,
  },
  {
    // 11:30 AM UTC (a lone clock; in titles only when it names a zone or AM/PM)
    re: new RegExp(CLOCK_SRC, 'i'),
    inTitle: true,
    read: (m) => {
      const clock = clockFrom(m);
      return clock ? { clockStart: clock, unzoned: !clock.zoned } : null;
    },
  },
  {
    // 25 min (only inside parentheses: "30 Minutes" in a title is not a schedule)
    re: new RegExp(String.raw`^(?:~|about|approx\.?|approximately)?\s*${NUM}\s*${UNIT}`, 'i'),
    inTitle: false,
    read: (m) => ({ durationMin: minutes(m[1], m[2]) }),
  },
];

const FILLER =
  /^[\s,.\-–—:()~]*(?:(?:go[- ]?live|launch|deploy(?:ment)?|cut-?over|release|start|begin|window|utc|gmt|total|duration|the|of|from|at|approx\.?|about)\b[\s,.\-–—:()~]*)*$/i;

function merge(into: TimeHint, part: HintPart): void {
  if (part.startMin !== undefined && into.startMin === null) into.startMin = part.startMin;
  if (part.durationMin !== undefined && part.durationMin !== null) into.durationMin = part.durationMin;
  if (part.clockStart && !into.clockStart) into.clockStart = part.clockStart;
  if (part.clockEnd && !into.clockEnd) into.clockEnd = part.clockEnd;
}

function strip(clock: Clock | null | undefined): Clock | null {
  return clock ? { minutes: clock.minutes, date: clock.date, dayOffset: clock.dayOffset } : null;
}

function finish(hint: TimeHint): TimeHint | null {
  if (hint.startMin === null && hint.durationMin === null && !hint.clockStart) return null;
  return { ...hint, clockStart: strip(hint.clockStart), clockEnd: strip(hint.clockEnd) };
}

/**
 * Reads a timing note that is all timing: the inside of "(…)" or a label like "Target:".
 * Every comma-separated part must be a time, so "(Week 1)" or "(if needed)" read as null.
 */
export function parseTimeHint(text: string): TimeHint | null {
  if (text.length > 200) return null;
  const hint: TimeHint = { startMin: null, durationMin: null, clockStart: null, clockEnd: null };
  for (const raw of text.split(/[,;]/)) {
    const part = raw.trim();
    if (!part) continue;
    let read: HintPart | null = null;
    for (const matcher of MATCHERS) {
      const m = matcher.re.exec(part);
      if (!m) continue;
      const leftover = part.slice(0, m.index) + part.slice(m.index + m[0].length);
      if (!FILLER.test(leftover)) continue;
      read = matcher.read(m);
      if (read) break;
    }
    if (!read) return null;
    merge(hint, read);
  }
  return finish(hint);
}

/** Looks for a timing note anywhere in a title ("72 Hours Before Go-Live", "Day -1: Dry-run"). */
export function findTimeHint(text: string): TimeHint | null {
  const sample = text.slice(0, 300);
  for (const matcher of MATCHERS) {
    if (!matcher.inTitle) continue;
    const m = matcher.re.exec(sample);
    if (!m) continue;
    const read = matcher.read(m);
    if (!read || read.unzoned) continue;
    const hint: TimeHint = { startMin: null, durationMin: null, clockStart: null, clockEnd: null };
    merge(hint, read);
    return finish(hint);
  }
  return null;
}

/**
 * The timing of a phase heading. A trailing "(…)" that is all timing is taken off the title
 * ("Phase 1: Preparation (T-30 minutes)" → "Phase 1: Preparation"); a title that is itself a
 * time ("24 Hours Before Go-Live") keeps its words.
 */
export function headingTimeHint(text: string): { title: string; hint: TimeHint | null; fromParen: boolean } {
  const paren = trailingParen(text);
  if (paren && paren.before) {
    const hint = parseTimeHint(paren.inner);
    if (hint) return { title: paren.before, hint, fromParen: true };
  }
  return { title: text, hint: findTimeHint(text), fromParen: false };
}

/** Planned start and duration once the go-live clock (if any) is known. */
export function resolveHint(hint: TimeHint, t0: Clock | null): { startMin: number | null; durationMin: number | null } {
  let startMin = hint.startMin;
  if (startMin === null && hint.clockStart && t0) startMin = clockOffset(hint.clockStart, t0);
  return { startMin, durationMin: hint.durationMin };
}

/** "for >10 minutes", "5 min", "30 seconds" → seconds. */
export function parseDurationSec(text: string): number | null {
  const m = new RegExp(String.raw`${NUM}\s*${UNIT}`, 'i').exec(text);
  if (!m) return null;
  return Math.round(Number(m[1]) * unitMinutes(m[2]) * 60);
}

export function formatDuration(min: number): string {
  const abs = Math.abs(min);
  return abs >= 120 && abs % 60 === 0 ? `${abs / 60} h` : `${abs} min`;
}

/** "+12 h", "-30 min": the offset form checkpoints use. */
export function formatOffset(min: number): string {
  return `${min < 0 ? '-' : '+'}${formatDuration(min)}`;
}

/** The exporter's canonical note, e.g. "T-30 min, 25 min"; empty when nothing is planned. */
export function formatTimeHint(startMin: number | null, durationMin: number | null): string {
  const parts: string[] = [];
  if (startMin !== null) parts.push(`T${formatOffset(startMin)}`);
  if (durationMin !== null) parts.push(formatDuration(durationMin));
  return parts.join(', ');
}
