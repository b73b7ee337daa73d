'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/client/api';
import { webhookKeys } from '@/lib/client/query-keys';
import type { DeliveryDto } from '@/lib/contracts/webhooks';
import type { WebhookListItem } from '@/lib/contracts/webhooks';
import type { TestDeliveryResult } from '@/lib/contracts/webhooks';
import type { WebhookDto } from '@/lib/contracts/webhooks';
import { setWebhookActiveSchema, setWebhookRehearsalsSchema, type CreateWebhookInput } from '@/lib/schemas/webhook';

export type { DeliveryDto, TestDeliveryResult, WebhookListItem };

/** null: the global webhooks (admins), else one deployment's (its IC). */
export type WebhookScope = string | null;

export const webhooksPath = (deploymentId: WebhookScope) =>
  deploymentId ? `/api/deployments/${deploymentId}/webhooks` : '/api/webhooks';

/**
 * In a war room, the socket says when an attempt at one of its webhooks was recorded and the
 * screen reads them again (use-deployment-live.ts); the poll is for the admin's global webhooks,
 * outside any war room, and for a message lost in a reconnect. React Query pauses it while the
 * tab is hidden.
 */
export const DELIVERY_POLL_MS = 5000;

export function useWebhooks(deploymentId: WebhookScope, options: { enabled?: boolean; pollMs?: number } = {}) {
  return useQuery({
    queryKey: webhookKeys.list(deploymentId),
    queryFn: () => api<{ webhooks: WebhookListItem[] }>(webhooksPath(deploymentId)).then((r) => r.webhooks),
    enabled: options.enabled ?? true,
    refetchInterval: options.pollMs ?? DELIVERY_POLL_MS,
  });
}

export function useDeliveries(deploymentId: WebhookScope, webhookId: string) {
  return useQuery({
    queryKey: webhookKeys.deliveries(deploymentId, webhookId),
    queryFn: () =>
      api<{ deliveries: DeliveryDto[] }>(`${webhooksPath(deploymentId)}/${webhookId}/deliveries`).then(
        (r) => r.deliveries,
      ),
    refetchInterval: DELIVERY_POLL_MS,
  });
}

export function useCreateWebhook(deploymentId: WebhookScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateWebhookInput) =>
      api<{ webhook: WebhookDto; secret: string }>(webhooksPath(deploymentId), { method: 'POST', json: input }),
    onSuccess: ({ webhook }) => {
      // Listed at once, beside its secret, rather than a refetch later.
      queryClient.setQueryData<WebhookListItem[]>(webhookKeys.list(deploymentId), (list) =>
        list && !list.some((w) => w.id === webhook.id)
          ? [...list, { ...webhook, deliveries: {}, failingNow: 0, failingSince: null }]
          : list,
      );
      void queryClient.invalidateQueries({ queryKey: webhookKeys.list(deploymentId) });
    },
  });
}

export function useDeleteWebhook(deploymentId: WebhookScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) => api(`${webhooksPath(deploymentId)}/${webhookId}`, { method: 'DELETE' }),
    onSuccess: (_data, webhookId) => {
      // Drop the card first: a deliveries poll for a webhook that is gone would only 404.
      queryClient.setQueryData<WebhookListItem[]>(webhookKeys.list(deploymentId), (list) =>
        list?.filter((w) => w.id !== webhookId),
      );
      queryClient.removeQueries({ queryKey: webhookKeys.deliveries(deploymentId, webhookId) });
      void queryClient.invalidateQueries({ queryKey: webhookKeys.list(deploymentId) });
    },
  });
}

/** The card shows a changed webhook at once; the poll confirms it. */
function useShowChanged(deploymentId: WebhookScope) {
  const queryClient = useQueryClient();
  return ({ webhook }: { webhook: WebhookDto }) => {
    queryClient.setQueryData<WebhookListItem[]>(webhookKeys.list(deploymentId), (list) =>
      list?.map((w) => (w.id === webhook.id ? { ...w, ...webhook } : w)),
    );
    void queryClient.invalidateQueries({ queryKey: webhookKeys.list(deploymentId) });
  };
}

/** Pause (active false) or resume. */
export function useSetWebhookActive(deploymentId: WebhookScope) {
  return useMutation({
    mutationFn: ({ webhookId, active }: { webhookId: string; active: boolean }) =>
      api<{ webhook: WebhookDto }>(`${webhooksPath(deploymentId)}/${webhookId}`, {
        method: 'PATCH',
        json: setWebhookActiveSchema.parse({ active }),
      }),
    onSuccess: useShowChanged(deploymentId),
  });
}

/** A global webhook's rehearsal opt-in. */
export function useSetWebhookRehearsals() {
  return useMutation({
    mutationFn: ({ webhookId, includeRehearsals }: { webhookId: string; includeRehearsals: boolean }) =>
      api<{ webhook: WebhookDto }>(`/api/webhooks/${webhookId}/rehearsals`, {
        method: 'PUT',
        json: setWebhookRehearsalsSchema.parse({ includeRehearsals }),
      }),
    onSuccess: useShowChanged(null),
  });
}

/** A test is recorded nowhere, so there is nothing to refetch: the answer is all there is. */
export function useSendTestWebhook(deploymentId: WebhookScope) {
  return useMutation({
    mutationFn: (webhookId: string) =>
      api<TestDeliveryResult>(`${webhooksPath(deploymentId)}/${webhookId}/test`, { method: 'POST' }),
  });
}
