'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { useToast } from '@/components/ui/toast';
import type { SourceDto } from '@/lib/contracts/metrics';
import { SCENARIOS, type Scenario } from '@/lib/domain/metrics/simulator';
import { prometheusSourceSchema } from '@/lib/schemas/metrics';
import { usePrometheusSource, useSimulator } from './use-metric-settings';
import { useSources } from './use-metrics';

const SCENARIO_HELP: Record<Scenario, string> = {
  healthy: 'everything inside targets',
  'slow-burn': 'errors and latency creep up over ~12 min',
  spike: 'error rate jumps to ~24 % after 30 s',
  outage: 'the service falls over after 20 s',
};

const input = 'min-h-9 w-full rounded-md border border-line-strong bg-field px-2 text-sm';

type QueryRow = { key: string; series: string; query: string; unit: string };
let rowKey = 0;
const DEFAULT_QUERIES: Omit<QueryRow, 'key'>[] = [
  {
    series: 'error_rate',
    query: '100 * sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m]))',
    unit: '%',
  },
  {
    series: 'p95_latency',
    query: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[1m])))',
    unit: 's',
  },
];

function initialQueries(source: SourceDto | undefined): QueryRow[] {
  const queries = (source?.config?.queries ?? null) as Record<string, { query: string; unit?: string }> | null;
  const rows = queries
    ? Object.entries(queries).map(([series, q]) => ({ series, query: q.query, unit: q.unit ?? '' }))
    : DEFAULT_QUERIES;
  return rows.map((r) => ({ ...r, key: `q${rowKey++}` }));
}

/** Prometheus form; mounted with the saved source so its fields start from what is configured. */
function PrometheusForm({ deploymentId, source }: { deploymentId: string; source: SourceDto | undefined }) {
  const toast = useToast();
  const config = source?.config as { baseUrl?: string; intervalSec?: number } | undefined;
  const [baseUrl, setBaseUrl] = useState(config?.baseUrl ?? '');
  const [intervalSec, setIntervalSec] = useState(String(config?.intervalSec ?? 5));
  const [rows, setRows] = useState<QueryRow[]>(() => initialQueries(source));
  const [problem, setProblem] = useState<string | null>(null);
  const { save, disconnect } = usePrometheusSource(deploymentId, {
    saved: () => toast.info('Prometheus connected: the first poll decides whether it is healthy.'),
    refused: setProblem,
  });
  const submit = () => {
    const body = {
      baseUrl: baseUrl.trim(),
      intervalSec: Number(intervalSec),
      queries: Object.fromEntries(
        rows
          .filter((r) => r.series.trim() && r.query.trim())
          .map((r) => [
            r.series.trim(),
            r.unit.trim() ? { query: r.query.trim(), unit: r.unit.trim() } : r.query.trim(),
          ]),
      ),
    };
    const parsed = prometheusSourceSchema.safeParse(body);
    if (!parsed.success) {
      setProblem(`${parsed.error.issues[0].path.join('.') || 'form'}: ${parsed.error.issues[0].message}`);
      return;
    }
    setProblem(null);
    save.mutate(parsed.data);
  };
  const edit = (key: string, patch: Partial<QueryRow>) =>
    setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="prometheus-form"
    >
      {source?.active ? (
        <p className={cn('text-sm', source.healthy ? 'text-ok' : 'text-danger')} data-testid="prometheus-status">
          {source.healthy ? '✓ Healthy' : `⚠ Failing: ${source.lastError ?? 'no answer'}`}
          {source.lastPolledAt ? (
            <span className="text-faint">
              {' '}
              · last poll {new Date(source.lastPolledAt).toISOString().slice(11, 19)} UTC
            </span>
          ) : null}
        </p>
      ) : null}
      <div className="grid grid-cols-[1fr_5rem] gap-2">
        <label className="text-xs">
          Base URL
          <input
            className={input}
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.target.value)}
            placeholder="http://prometheus:9090"
          />
        </label>
        <label className="text-xs">
          Every (s)
          <input
            className={input}
            inputMode="numeric"
            value={intervalSec}
            onChange={(e) => setIntervalSec(e.target.value)}
          />
        </label>
      </div>
      {rows.map((r) => (
        <fieldset key={r.key} className="grid grid-cols-[1fr_4rem_auto] gap-1.5 rounded-md border border-line p-2">
          <legend className="sr-only">Query for {r.series || 'new series'}</legend>
          <label className="text-xs">
            Series
            <input
              className={input}
              value={r.series}
              onChange={(e) => edit(r.key, { series: e.target.value })}
              placeholder="error_rate"
            />
          </label>
          <label className="text-xs">
            Unit
            <input
              className={input}
              value={r.unit}
              onChange={(e) => edit(r.key, { unit: e.target.value })}
              placeholder="%"
            />
          </label>
          <Button
            type="button"
            variant="ghost"
            className="self-end text-xs"
            onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
            aria-label={`Remove query for ${r.series}`}
          >
            Remove
          </Button>
          <label className="col-span-3 text-xs">
            PromQL
            <textarea
              className={cn(input, 'min-h-14 py-1 font-mono text-xs')}
              value={r.query}
              onChange={(e) => edit(r.key, { query: e.target.value })}
            />
          </label>
        </fieldset>
      ))}
      {problem ? (
        <p role="alert" className="text-sm text-danger">
          ⚠ {problem}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          onClick={() => setRows([...rows, { key: `q${rowKey++}`, series: '', query: '', unit: '' }])}
        >
          + Add query
        </Button>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          Save and poll
        </Button>
        {source?.active ? (
          <Button type="button" variant="ghost" onClick={() => disconnect.mutate()}>
            Disconnect
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** The IC's metric sources: the rehearsal simulator and a Prometheus to poll. */
export function SourcesEditor({ deploymentId }: { deploymentId: string }) {
  const { data } = useSources(deploymentId);
  const simulator = data?.sources.find((s) => s.kind === 'simulator');
  const prometheus = data?.sources.find((s) => s.kind === 'prometheus');
  const running = simulator?.active ? (simulator.scenario as Scenario) : null;
  const [scenario, setScenario] = useState<Scenario>('spike');
  const { start, stop } = useSimulator(deploymentId);

  return (
    <details className="rounded-lg border border-line p-2">
      <summary className="cursor-pointer text-sm font-semibold">Metric sources</summary>
      <div className="mt-2 flex flex-col gap-4">
        <div className="flex flex-col gap-2" data-testid="simulator-controls">
          <h3 className="text-sm font-medium">Simulator (rehearsals)</h3>
          <p className="text-xs text-muted" data-testid="simulator-status">
            {running
              ? `◎ Running “${running}” since ${new Date(simulator!.startedAt!).toISOString().slice(11, 19)} UTC`
              : 'Stopped.'}
          </p>
          <div className="flex flex-wrap items-end gap-2">
            <label className="text-xs">
              Scenario
              <select
                className={input}
                value={scenario}
                onChange={(e) => setScenario(e.target.value as Scenario)}
                aria-label="Scenario"
              >
                {SCENARIOS.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <Button variant="primary" onClick={() => start.mutate(scenario)} disabled={start.isPending}>
              {running ? 'Restart with this' : 'Start simulator'}
            </Button>
            {running ? (
              <Button onClick={() => stop.mutate()} disabled={stop.isPending}>
                Stop
              </Button>
            ) : null}
          </div>
          <p className="text-xs text-faint">
            {scenario}: {SCENARIO_HELP[scenario]}.
          </p>
        </div>
        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-medium">Prometheus</h3>
          {data ? (
            <PrometheusForm key={prometheus?.id ?? 'new'} deploymentId={deploymentId} source={prometheus} />
          ) : null}
        </div>
      </div>
    </details>
  );
}
