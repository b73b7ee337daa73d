/**
 * Numbers with their units, as runbooks and command output write them: `00:00:00.012`, `200ms`,
 * `0.1%`, `150,000 rows`, `1.2 GB`. Durations become milliseconds and sizes bytes, so a bound of
 * `< 1 s` can be held against output that says `340ms`.
 */

export type Dimension = 'duration' | 'percent' | 'bytes' | 'count' | 'number';

export type Quantity = {
  /** In the dimension's base unit: milliseconds, percent, bytes, or the plain number. */
  value: number;
  dimension: Dimension;
  /** For counts: the noun after the number, singular and lower-case ("row", "migration"). */
  noun: string | null;
  /** The number as written, before any unit is applied ("340ms" → 340). */
  amount: number;
  /** As written, for reasons ("00:00:00.012", "340ms"). */
  text: string;
  /** Where it starts and ends in the text it was read from. */
  index: number;
  end: number;
};

const DURATION_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  msec: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
};

const BYTES: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

/**
 * A number, then maybe a unit or a noun. The alternatives are tried longest-first: a clock
 * duration, a number with thousands separators, a plain or decimal number. No nested
 * quantifiers, so a scan over 256 KB of output stays linear.
 */
const QUANTITY =
  /(?<![\w.])(-?)(\d{1,3}:\d{2}:\d{2}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:e[-+]?\d+)?)(?![\d:])(?:\s?(%|[a-zµ][a-z-]{0,39}))?/gi;

/** "rows" → "row", "entries" → "entry": good enough to tell a noun in the output from one in the runbook. */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function clockMs(text: string): number {
  const [h, m, s] = text.split(':');
  return (Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000;
}

function toQuantity(
  sign: string,
  digits: string,
  unit: string | undefined,
  at: { index: number; end: number; raw: string },
) {
  const negative = sign === '-' ? -1 : 1;
  const base = { noun: null, text: at.raw, index: at.index, end: at.end };
  if (digits.includes(':')) {
    const ms = negative * clockMs(digits);
    return { ...base, value: ms, amount: ms / 1000, dimension: 'duration' } satisfies Quantity;
  }
  const amount = negative * Number(digits.replace(/,/g, ''));
  const u = unit?.toLowerCase();
  if (u === '%' || u === 'percent') return { ...base, value: amount, amount, dimension: 'percent' } satisfies Quantity;
  if (u && u in DURATION_MS)
    return { ...base, value: amount * DURATION_MS[u], amount, dimension: 'duration' } satisfies Quantity;
  if (u && u in BYTES) return { ...base, value: amount * BYTES[u], amount, dimension: 'bytes' } satisfies Quantity;
  if (u) return { ...base, value: amount, amount, dimension: 'count', noun: singular(u) } satisfies Quantity;
  return { ...base, value: amount, amount, dimension: 'number' } satisfies Quantity;
}

/** Every quantity in a text, in order, at most `limit` of them. */
export function readQuantities(text: string, from = 0, limit = 10_000): Quantity[] {
  const out: Quantity[] = [];
  const re = new RegExp(QUANTITY.source, QUANTITY.flags);
  re.lastIndex = from;
  for (let m = re.exec(text); m && out.length < limit; m = re.exec(text)) {
    const [raw, sign, digits, unit] = m;
    const q = toQuantity(sign, digits, unit, { index: m.index, end: m.index + raw.length, raw: raw.trim() });
    if (Number.isFinite(q.value)) out.push(q);
  }
  return out;
}

/** The one quantity a bound in a runbook is written as (`00:00:01`, `200ms`, `0 rows`), or null. */
export function readBound(text: string): Quantity | null {
  const [first] = readQuantities(text.trim(), 0, 1);
  return first && first.index === 0 ? first : null;
}

/**
 * Whether a value read from the output can be held against the bound. A bare number counts as
 * the bound's unit only when `lenient` (it stood right after the label the runbook named).
 */
export function comparable(bound: Quantity, found: Quantity, lenient: boolean): boolean {
  // A bound without a unit ("> 0") takes whatever number the output gives, as written.
  if (bound.dimension === 'number') return true;
  if (found.dimension === 'number') return lenient;
  if (bound.dimension === 'count') return found.dimension === 'count' && found.noun === bound.noun;
  return found.dimension === bound.dimension;
}

/** The found value in the bound's base unit: a bare number after a label means the bound's unit. */
export function valueAgainst(bound: Quantity, found: Quantity): number {
  if (bound.dimension === 'number') return found.amount;
  if (found.dimension !== 'number' || bound.dimension === 'count') return found.value;
  const unit = /[a-zµ%]+$/i.exec(bound.text)?.[0]?.toLowerCase();
  if (bound.dimension === 'duration')
    return unit && unit in DURATION_MS ? found.value * DURATION_MS[unit] : found.value * 1000;
  if (bound.dimension === 'bytes') return unit && unit in BYTES ? found.value * BYTES[unit] : found.value;
  return found.value;
}
