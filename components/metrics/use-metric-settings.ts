'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { metricKeys } from '@/lib/client/query-keys';
import type { RulesDto } from '@/lib/contracts/metrics';
import type { Scenario } from '@/lib/domain/metrics/simulator';

/**
 * The IC's metric settings: thresholds, the Prometheus source and the rehearsal simulator. Every
 * change refreshes the deployment's metrics, since health is re-judged with the new settings.
 */
function useRefreshMetrics(deploymentId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: metricKeys.all(deploymentId) });
}

/** The saved thresholds, read only while the editor is open. */
export function useRules(deploymentId: string, enabled: boolean) {
  return useQuery({
    queryKey: metricKeys.rules(deploymentId),
    queryFn: () => api<RulesDto>(`/api/deployments/${deploymentId}/rules`),
    enabled,
  });
}

export function useSaveRules(deploymentId: string, on: { saved: () => void; refused: (message: string) => void }) {
  const queryClient = useQueryClient();
  const refresh = useRefreshMetrics(deploymentId);
  return useMutation({
    mutationFn: (body: unknown) =>
      api<RulesDto>(`/api/deployments/${deploymentId}/rules`, { method: 'PUT', json: body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(metricKeys.rules(deploymentId), saved);
      on.saved();
      void refresh();
    },
    onError: (error) => on.refused(error.message),
  });
}

/** Connects (or reconfigures) and disconnects the deployment's Prometheus. */
export function usePrometheusSource(
  deploymentId: string,
  on: { saved: () => void; refused: (message: string) => void },
) {
  const toast = useToast();
  const refresh = useRefreshMetrics(deploymentId);
  const save = useMutation({
    mutationFn: (body: unknown) =>
      api(`/api/deployments/${deploymentId}/sources/prometheus`, { method: 'PUT', json: body }),
    onSuccess: () => {
      on.saved();
      void refresh();
    },
    onError: (error) => on.refused(error.message),
  });
  const disconnect = useMutation({
    mutationFn: () => api(`/api/deployments/${deploymentId}/sources/prometheus`, { method: 'DELETE' }),
    onSuccess: () => void refresh(),
    onError: (error) => toast.error(error.message),
  });
  return { save, disconnect };
}

/** Starts a rehearsal scenario or stops the running one. */
export function useSimulator(deploymentId: string) {
  const toast = useToast();
  const refresh = useRefreshMetrics(deploymentId);
  const start = useMutation({
    mutationFn: (scenario: Scenario) =>
      api(`/api/deployments/${deploymentId}/simulator`, { method: 'POST', json: { scenario } }),
    onSuccess: () => void refresh(),
    onError: (error) => toast.error(error.message),
  });
  const stop = useMutation({
    mutationFn: () => api(`/api/deployments/${deploymentId}/simulator`, { method: 'DELETE' }),
    onSuccess: () => void refresh(),
    onError: (error) => toast.error(error.message),
  });
  return { start, stop };
}
