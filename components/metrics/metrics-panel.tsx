'use client';

import { useState } from 'react';
import { FilterTabs } from '@/components/war-room/filter-tabs';
import { useWarRoom } from '@/components/war-room/war-room-context';
import { formatDuration } from '@/lib/domain/metrics/format';
import { MetricChart } from './metric-chart';
import { RulesEditor } from './rules-editor';
import { SourcesEditor } from './sources-editor';
import { LIVE_WINDOW_MS, useMetrics, useSources, type MetricsRange } from './use-metrics';

/** One line on where the numbers come from, and whether that works. */
function SourceLine({ deploymentId }: { deploymentId: string }) {
  const { data } = useSources(deploymentId);
  const active = data?.sources.filter((s) => s.active) ?? [];
  if (!data) return <p className="min-h-5 text-xs text-faint">&nbsp;</p>;
  if (active.length === 0)
    return (
      <p className="min-h-5 text-xs text-faint" data-testid="metric-sources">
        No live source: samples arrive by push only.
      </p>
    );
  return (
    <ul className="flex min-h-5 flex-wrap gap-x-3 text-xs" data-testid="metric-sources">
      {active.map((s) => (
        <li key={s.id} className={s.healthy ? 'text-muted' : 'text-danger'}>
          {s.kind === 'simulator'
            ? `◎ Simulator: ${s.scenario}`
            : `${s.healthy ? '✓' : '⚠'} Prometheus${s.healthy ? '' : ` failing — ${s.lastError ?? 'no answer'}`}`}
        </li>
      ))}
    </ul>
  );
}

/** The IC's metrics column: live charts with threshold bands, the time range, and the controls. */
export function MetricsPanel() {
  const { deployment } = useWarRoom();
  const [range, setRange] = useState<MetricsRange>('live');
  const { data, isError, error } = useMetrics(deployment.id, range);
  const { data: sources } = useSources(deployment.id);
  // The x axis starts at the first point when there is less than the window to show, so a young
  // deployment's lines fill the chart instead of hugging its right edge.
  const firstTs = data ? Math.min(...data.series.map((s) => s.points[0]?.ts ?? Infinity)) : Infinity;
  const domain: [number, number] | null = data
    ? [
        Math.min(
          data.to - 60_000,
          Math.max(
            range === 'live' ? data.to - LIVE_WINDOW_MS : data.from,
            Number.isFinite(firstTs) ? firstTs : -Infinity,
          ),
        ),
        data.to,
      ]
    : null;

  return (
    <section aria-labelledby="metrics-title" className="flex flex-col gap-2" data-testid="metrics-panel">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="metrics-title" className="text-lg font-semibold">
          Metrics
        </h2>
        <div className="ml-auto">
          <FilterTabs
            label="Time range"
            value={range}
            onChange={setRange}
            options={[
              { value: 'live', label: 'Last 15 min' },
              { value: 'all', label: 'Whole deployment' },
            ]}
          />
        </div>
      </div>
      <SourceLine deploymentId={deployment.id} />
      {isError ? <p className="text-sm text-danger">Could not load metrics: {error.message}</p> : null}
      {data && domain ? (
        data.series.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-muted dark:border-slate-700">
            No metrics yet. Push samples to{' '}
            <code className="text-xs">POST /api/deployments/{deployment.id}/metrics</code>, connect Prometheus, or start
            the simulator below.
          </p>
        ) : (
          <>
            <div className="flex flex-col gap-2">
              {data.series.map((series) => (
                <MetricChart
                  key={series.key}
                  series={series}
                  staleAfterMs={data.staleAfterMs}
                  clientSkew={data.clientSkew}
                  domain={domain}
                />
              ))}
            </div>
            <p className="text-xs text-faint tabular">
              {data.bucketSec ? `${formatDuration(data.bucketSec * 1000)} buckets, min–max shaded` : 'Every sample'} ·
              stale after {formatDuration(data.staleAfterMs)} without data
            </p>
          </>
        )
      ) : !isError ? (
        <div className="h-40 animate-pulse rounded-lg bg-subtle" aria-label="Loading metrics" />
      ) : null}
      {sources?.canManage ? (
        <>
          <RulesEditor deploymentId={deployment.id} />
          <SourcesEditor deploymentId={deployment.id} />
        </>
      ) : null}
    </section>
  );
}
