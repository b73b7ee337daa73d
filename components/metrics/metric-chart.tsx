'use client';

import { memo, useMemo } from 'react';
import { Area, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { cn } from '@/components/ui/cn';
import type { SeriesDto } from '@/lib/contracts/metrics';
import { formatUtcTime } from '@/lib/domain/clock';
import { ruleInUnit, thresholdBands, trend, valueLevel, yDomain } from '@/lib/domain/metrics/chart';
import { formatMetric } from '@/lib/domain/metrics/format';
import type { HealthLevel } from '@/lib/domain/metrics/types';
import { StaleBadge, useIsStale } from './staleness';
import { thresholdAreas } from './threshold-areas';

const ZONE: Record<HealthLevel, { icon: string; word: string; className: string }> = {
  1: { icon: '●', word: 'ok', className: 'text-ok' },
  2: { icon: '▲', word: 'warn', className: 'text-warn' },
  3: { icon: '✖', word: 'critical', className: 'text-danger' },
};

const TREND_ICON = { up: '↗', down: '↘', flat: '→' } as const;

/** Label for a series title: "Error rate" from "error rate", but "p95 latency" stays as people write it. */
export function titleOf(series: Pick<SeriesDto, 'name'>): string {
  return /^p\d/.test(series.name) ? series.name : series.name.charAt(0).toUpperCase() + series.name.slice(1);
}

type Props = {
  series: SeriesDto;
  staleAfterMs: number;
  clientSkew: number;
  /** x range in epoch ms. */
  domain: [number, number];
  height?: number;
};

/**
 * One series: name, newest value with its band (icon and word, never colour alone) and trend, and
 * a chart with the warn / critical bands shaded and the target dashed. A stale series greys out
 * and says for how long nothing came.
 */
function MetricChartInner({ series, staleAfterMs, clientSkew, domain, height = 56 }: Props) {
  const rule = series.rule ? ruleInUnit(series.rule, series.unit) : null;
  const lastValue = series.last?.value ?? null;
  const stale = useIsStale(series.last?.ts ?? null, staleAfterMs, clientSkew);
  const zone = ZONE[valueLevel(lastValue, rule)];
  // Trend over about a minute of raw samples, or a few buckets of a long-range chart.
  const step =
    series.points.length > 1
      ? series.points[series.points.length - 1].ts - series.points[series.points.length - 2].ts
      : 1000;
  const direction = trend(series.points, Math.max(60_000, step * 6), Math.max(10_000, step * 2)).direction;
  const [lo, hi] = useMemo(() => yDomain(series.points, rule), [series.points, rule]);
  const bands = rule ? thresholdBands(rule, lo, hi) : [];
  const data = useMemo(
    () =>
      series.points.map((p) => ({
        ts: p.ts,
        value: p.value,
        range: p.min !== undefined && p.max !== undefined ? [p.min, p.max] : undefined,
      })),
    [series.points],
  );
  const hasRange = data.some((d) => d.range);
  const ruleText = rule
    ? [
        rule.warn !== null && rule.warn !== undefined
          ? `warn ${rule.comparison} ${formatMetric(rule.warn, series.unit)}`
          : null,
        rule.critical !== null && rule.critical !== undefined
          ? `critical ${rule.comparison} ${formatMetric(rule.critical, series.unit)}`
          : null,
      ]
        .filter(Boolean)
        .join(' · ')
    : 'no rule';

  return (
    <figure
      // Grey, not faded: faded, its quietest text fell below a readable contrast in the light theme.
      className={cn('rounded-lg border border-line bg-surface p-2', stale ? 'grayscale' : '')}
      data-testid="metric-chart"
      data-series={series.key}
      data-stale={stale}
      data-zone={valueLevel(lastValue, rule)}
    >
      <figcaption className="flex items-baseline gap-2">
        <span className="min-w-0 truncate text-sm font-medium">{titleOf(series)}</span>
        <span className="ml-auto flex items-baseline gap-1.5 tabular">
          {lastValue !== null ? (
            <>
              <span aria-label={`trend ${direction}`} className="text-faint">
                {TREND_ICON[direction]}
              </span>
              <span className="text-lg font-semibold" data-testid="metric-value">
                {formatMetric(lastValue, series.unit)}
              </span>
              {/* Fixed width, even empty: the value must not move when the band changes. */}
              <span className={cn('inline-block w-16 text-right text-xs font-medium', zone.className)}>
                {rule ? (
                  <>
                    <span aria-hidden>{zone.icon}</span> {zone.word}
                  </>
                ) : null}
              </span>
            </>
          ) : null}
        </span>
      </figcaption>
      <div className="flex min-h-5 items-center gap-2 text-xs text-faint">
        <span className="truncate">{ruleText}</span>
        {stale ? (
          <span className="ml-auto">
            <StaleBadge lastTs={series.last?.ts ?? null} clientSkew={clientSkew} />
          </span>
        ) : null}
      </div>
      <div style={{ height }} className="text-sky-600 dark:text-sky-400" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 2, bottom: 0, left: 2 }}>
            <XAxis dataKey="ts" type="number" domain={domain} hide allowDataOverflow />
            <YAxis type="number" domain={[lo, hi]} hide allowDataOverflow />
            {thresholdAreas(bands, { warn: 0.14, critical: 0.18 })}
            {rule?.target !== null && rule?.target !== undefined ? (
              <ReferenceLine
                y={rule.target}
                stroke="#10b981"
                strokeDasharray="4 3"
                strokeOpacity={0.8}
                ifOverflow="hidden"
              />
            ) : null}
            {hasRange ? (
              <Area dataKey="range" stroke="none" fill="currentColor" fillOpacity={0.18} isAnimationActive={false} />
            ) : null}
            <Line dataKey="value" stroke="currentColor" strokeWidth={1.5} dot={false} isAnimationActive={false} />
            <Tooltip
              isAnimationActive={false}
              cursor={{ stroke: '#94a3b8', strokeWidth: 1 }}
              contentStyle={{
                background: '#0f172a',
                border: '1px solid #334155',
                borderRadius: 6,
                fontSize: 12,
                color: '#e2e8f0',
              }}
              labelFormatter={(ts) => `${formatUtcTime(new Date(Number(ts)))} UTC`}
              formatter={(value) => [
                Array.isArray(value)
                  ? value.map((v) => formatMetric(Number(v), series.unit)).join(' – ')
                  : formatMetric(Number(value), series.unit),
                '',
              ]}
              separator=""
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      {series.points.length === 0 ? (
        <p className="-mt-10 h-10 text-center text-xs text-faint">No samples in this range.</p>
      ) : null}
    </figure>
  );
}

export const MetricChart = memo(MetricChartInner);
