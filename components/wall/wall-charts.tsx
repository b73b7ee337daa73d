'use client';

import { memo, useMemo } from 'react';
import { ComposedChart, Line, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { titleOf } from '@/components/metrics/metric-chart';
import { useIsStale } from '@/components/metrics/staleness';
import { thresholdAreas } from '@/components/metrics/threshold-areas';
import { LIVE_WINDOW_MS, type MetricsView } from '@/components/metrics/use-metrics';
import { cn } from '@/components/ui/cn';
import type { SeriesDto } from '@/lib/contracts/metrics';
import { ruleInUnit, thresholdBands, valueLevel, yDomain } from '@/lib/domain/metrics/chart';
import { formatMetric } from '@/lib/domain/metrics/format';
import { keyCharts } from '@/lib/domain/wall';

/** Three lines still read from across a room inside a third of a 1280×720 screen; a fourth does not. */
const MAX_CHARTS = 3;

const ZONE = {
  1: { icon: '●', word: 'ok', className: 'text-emerald-300' },
  2: { icon: '▲', word: 'warn', className: 'text-amber-300' },
  3: { icon: '✖', word: 'critical', className: 'text-red-300' },
} as const;

/** One key series as a wall reads it: name, newest value with its band in words, and its line. */
function WallChart({ series, view, domain }: { series: SeriesDto; view: MetricsView; domain: [number, number] }) {
  const rule = series.rule ? ruleInUnit(series.rule, series.unit) : null;
  const last = series.last?.value ?? null;
  const stale = useIsStale(series.last?.ts ?? null, view.staleAfterMs, view.clientSkew);
  const level = valueLevel(last, rule);
  const [lo, hi] = useMemo(() => yDomain(series.points, rule), [series.points, rule]);
  const bands = rule ? thresholdBands(rule, lo, hi) : [];
  return (
    <figure
      className={cn('flex min-h-0 flex-1 flex-col', stale ? 'grayscale' : '')}
      data-testid="wall-chart"
      data-series={series.key}
      data-zone={level}
    >
      <figcaption className="flex items-baseline gap-[0.6vw] text-[clamp(0.9rem,1.3vw,1.8rem)]">
        <span className="min-w-0 truncate">{titleOf(series)}</span>
        <span className="tabular ml-auto font-bold" data-testid="wall-chart-value">
          {last === null ? '—' : formatMetric(last, series.unit)}
        </span>
        {rule && last !== null ? (
          <span className={cn('shrink-0 font-semibold', ZONE[level].className)}>
            <span aria-hidden>{ZONE[level].icon}</span> {stale ? 'stale' : ZONE[level].word}
          </span>
        ) : stale ? (
          <span className="shrink-0 text-slate-200">stale</span>
        ) : null}
      </figcaption>
      {/* A stale line fades; its words stay readable from across the room (and to axe). */}
      <div className={cn('min-h-0 flex-1 text-sky-300', stale ? 'opacity-40' : '')} aria-hidden>
        <ResponsiveContainer width="100%" height="100%" minHeight={24}>
          <ComposedChart
            accessibilityLayer={false}
            data={series.points}
            margin={{ top: 2, right: 0, bottom: 0, left: 0 }}
          >
            <XAxis dataKey="ts" type="number" domain={domain} hide allowDataOverflow />
            <YAxis type="number" domain={[lo, hi]} hide allowDataOverflow />
            {thresholdAreas(bands, { warn: 0.22, critical: 0.22 })}
            <Line dataKey="value" stroke="currentColor" strokeWidth={2.5} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/**
 * The health panel's key charts on the war room's own wall: the series that decide the health
 * level, over the last 15 minutes. The public wall has none: the status page tells outsiders the
 * level, never the numbers behind it. Memoised: the wall's clock re-renders the page every second.
 */
export const WallCharts = memo(function WallCharts({ view }: { view: MetricsView }) {
  const domain: [number, number] = [view.to - LIVE_WINDOW_MS, view.to];
  return (
    <div className="mt-[0.6vw] flex min-h-0 flex-1 flex-col gap-[0.6vw]" data-testid="wall-charts">
      {keyCharts(view.series, MAX_CHARTS).map((series) => (
        <WallChart key={series.key} series={series} view={view} domain={domain} />
      ))}
    </div>
  );
});
