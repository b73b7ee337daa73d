'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '@/lib/client/api';
import { metricKeys } from '@/lib/client/query-keys';
import type { SourcesDto } from '@/lib/contracts/metrics';
import type { MetricsDto } from '@/lib/contracts/metrics';
import { mergeLivePoints } from '@/lib/domain/metrics/chart';
import { getSocket } from '@/lib/realtime/client/socket-client';
import type { MetricsBatch } from '@/lib/realtime/protocol/events';

export type MetricsRange = 'live' | 'all';
export const LIVE_WINDOW_MS = 15 * 60_000;
const MAX_POINTS = 1000;

/** The API's chart data plus the browser's clock offset from the server (latency ignored). */
export type MetricsView = MetricsDto & { clientSkew: number };

/** Folds one volatile live batch into the cached chart data. */
function applyBatch(data: MetricsView, batch: MetricsBatch, range: MetricsRange): MetricsView {
  const serverNow = Date.now() - data.clientSkew;
  const fromMs = range === 'live' ? serverNow - LIVE_WINDOW_MS : null;
  let changed = false;
  const series = data.series.map((s) => {
    const incoming = batch.points.filter((p) => p.series === s.key).map((p) => ({ ts: p.ts, value: p.value }));
    if (incoming.length === 0 && fromMs === null) return s;
    const points = mergeLivePoints(s.points, incoming, { fromMs, maxPoints: MAX_POINTS });
    const newest = incoming.reduce<{ ts: number; value: number } | null>((a, p) => (!a || p.ts > a.ts ? p : a), null);
    const last = newest && (!s.last || newest.ts > s.last.ts) ? newest : s.last;
    if (points === s.points && last === s.last) return s;
    changed = true;
    return { ...s, points, last };
  });
  return changed ? { ...data, to: Math.max(data.to, serverNow), series } : data;
}

/**
 * Chart data for one deployment: loaded over HTTP, then kept live by the socket's batched metric
 * updates. After a reconnect the data is reloaded, because volatile updates sent meanwhile are gone.
 */
export function useMetrics(deploymentId: string, range: MetricsRange) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: metricKeys.series(deploymentId, range),
    queryFn: async (): Promise<MetricsView> => {
      const data = await api<MetricsDto>(
        `/api/deployments/${deploymentId}/metrics${range === 'live' ? `?from=${Date.now() - LIVE_WINDOW_MS}` : ''}`,
      );
      return { ...data, clientSkew: Date.now() - data.serverTime };
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  useEffect(() => {
    const socket = getSocket();
    const key = metricKeys.series(deploymentId, range);
    const onMetrics = (batch: MetricsBatch) => {
      if (batch.deploymentId !== deploymentId) return;
      const data = queryClient.getQueryData<MetricsView>(key);
      if (!data) return;
      // A series nobody had charted yet (a new push, a new Prometheus query): load it properly.
      if (batch.points.some((p) => !data.series.some((s) => s.key === p.series))) {
        void queryClient.invalidateQueries({ queryKey: key });
        return;
      }
      queryClient.setQueryData<MetricsView>(key, applyBatch(data, batch, range));
    };
    const onReconnect = () => void queryClient.invalidateQueries({ queryKey: key });
    socket.on('deployment:metrics', onMetrics);
    socket.io.on('reconnect', onReconnect);
    return () => {
      socket.off('deployment:metrics', onMetrics);
      socket.io.off('reconnect', onReconnect);
    };
  }, [deploymentId, range, queryClient]);

  return query;
}

/** Where the deployment's metrics come from, and whether each source works. */
export function useSources(deploymentId: string) {
  return useQuery({
    queryKey: metricKeys.sources(deploymentId),
    queryFn: () => api<SourcesDto>(`/api/deployments/${deploymentId}/sources`),
    // Source health changes without an event on every poll; a slow refresh keeps "failing" honest.
    refetchInterval: 10_000,
  });
}
