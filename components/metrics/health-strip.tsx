'use client';

import { cn } from '@/components/ui/cn';
import { useWarRoom } from '@/components/war-room/war-room-context';
import type { SeriesDto } from '@/lib/contracts/metrics';
import { ruleInUnit, valueLevel, type SeriesPoint } from '@/lib/domain/metrics/chart';
import { formatMetric } from '@/lib/domain/metrics/format';
import { titleOf } from './metric-chart';
import { useIsStale } from './staleness';
import { useMetrics } from './use-metrics';

const LEVEL = {
  1: { icon: '●', title: 'Keep going', box: 'border-line bg-surface', badge: 'text-ok' },
  2: {
    icon: '▲',
    title: 'Prepare rollback',
    box: 'border-amber-500 bg-amber-50 dark:border-amber-600 dark:bg-amber-950/60',
    badge: 'text-amber-800 dark:text-amber-200',
  },
  3: {
    icon: '✖',
    title: 'Roll back now',
    box: 'border-red-500 bg-red-50 dark:border-red-600 dark:bg-red-950/70',
    badge: 'text-red-800 dark:text-red-200',
  },
} as const;

const ZONE_ICON = { 1: '●', 2: '▲', 3: '✖' } as const;
const ZONE_CLASS = { 1: 'text-ok', 2: 'text-warn', 3: 'text-danger' } as const;

/** A 64×18 line: enough to see a spike on a phone, far lighter than a chart per tile. */
function Sparkline({ points }: { points: readonly SeriesPoint[] }) {
  if (points.length < 2) return <svg width="64" height="18" aria-hidden />;
  const tail = points.slice(-120);
  const t0 = tail[0].ts;
  const t1 = tail[tail.length - 1].ts || t0 + 1;
  // From zero, so a steady value with a little noise reads as steady, not as a seismograph.
  let lo = 0;
  let hi = -Infinity;
  for (const p of tail) {
    lo = Math.min(lo, p.value);
    hi = Math.max(hi, p.value);
  }
  const span = hi - lo || 1;
  const d = tail
    .map(
      (p) =>
        `${(((p.ts - t0) / (t1 - t0 || 1)) * 62 + 1).toFixed(1)},${(17 - ((p.value - lo) / span) * 16).toFixed(1)}`,
    )
    .join(' ');
  return (
    <svg width="64" height="18" viewBox="0 0 64 18" aria-hidden className="text-sky-600 dark:text-sky-400">
      <polyline points={d} fill="none" stroke="currentColor" strokeWidth="1.3" />
    </svg>
  );
}

function Tile({ series, staleAfterMs, clientSkew }: { series: SeriesDto; staleAfterMs: number; clientSkew: number }) {
  const stale = useIsStale(series.last?.ts ?? null, staleAfterMs, clientSkew);
  const rule = series.rule ? ruleInUnit(series.rule, series.unit) : null;
  const zone = valueLevel(series.last?.value ?? null, rule);
  return (
    <li
      className={cn(
        'flex shrink-0 flex-col rounded-md border border-slate-200 px-2 py-1 dark:border-slate-700',
        // Grey, not faded: faded, its quietest text fell below a readable contrast in the light theme.
        stale ? 'grayscale' : '',
      )}
      data-testid="strip-tile"
      data-series={series.key}
      data-stale={stale}
    >
      <span className="text-xs text-muted">{titleOf(series)}</span>
      <span className="flex items-center gap-1.5 tabular">
        <span className="min-w-16 text-sm font-semibold">
          {series.last ? formatMetric(series.last.value, series.unit) : '—'}
        </span>
        {stale ? (
          <span className="text-xs text-faint">⌀ stale</span>
        ) : (
          <span
            className={cn('text-xs', ZONE_CLASS[zone])}
            aria-label={zone === 1 ? 'ok' : zone === 2 ? 'warn' : 'critical'}
          >
            {ZONE_ICON[zone]}
          </span>
        )}
        <Sparkline points={series.points} />
      </span>
    </li>
  );
}

/**
 * The role checklist's compact health: the level with its words and first reason, and one small
 * tile per watched series. Same level, same reasons as the IC's banner — one truth for everyone.
 */
export function HealthStrip() {
  const { deployment } = useWarRoom();
  const { level, reasons, acknowledgedLevel } = deployment.health;
  const look = LEVEL[level === 3 ? 3 : level === 2 ? 2 : 1];
  const { data } = useMetrics(deployment.id, 'live');
  const series = data
    ? [...data.series].sort((a, b) => Number(Boolean(b.rule)) - Number(Boolean(a.rule))).slice(0, 6)
    : [];
  return (
    <section
      aria-label="Health"
      className={cn('rounded-lg border-2 p-2', look.box)}
      data-testid="health-strip"
      data-level={level}
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
        <h2 className={cn('text-sm font-bold', look.badge)}>
          <span aria-hidden>{look.icon}</span> Level {level} · {look.title}
        </h2>
        {level >= 2 ? (
          <span className="ml-auto text-xs">
            {acknowledgedLevel >= level ? '✓ IC acknowledged' : '◷ IC not yet acknowledged'}
          </span>
        ) : null}
      </div>
      {reasons[0] ? (
        <p className="line-clamp-2 text-sm" title={reasons.join('\n')} data-testid="strip-reason">
          {reasons[0]}
          {reasons.length > 1 ? ` (+${reasons.length - 1} more)` : ''}
        </p>
      ) : null}
      {series.length ? (
        <ul tabIndex={0} className="mt-1.5 flex gap-2 overflow-x-auto pb-1">
          {series.map((s) => (
            <Tile key={s.key} series={s} staleAfterMs={data!.staleAfterMs} clientSkew={data!.clientSkew} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
