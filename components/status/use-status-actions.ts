'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { newIdempotencyKey } from '@/lib/client/idempotency-key';
import { shareLinkKeys } from '@/lib/client/query-keys';
import type { ShareLinkDto } from '@/lib/contracts/share-links';

export type CreatedShareLink = { id: string; token: string; url: string };

/** A deployment's public status links, creating and revoking one (a refusal is a toast). */
export function useShareLinks(
  deploymentId: string,
  enabled: boolean,
  on: { created: (link: CreatedShareLink) => void; revoked: (id: string) => void },
) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const base = `/api/deployments/${deploymentId}/share-links`;
  const { data } = useQuery({
    queryKey: shareLinkKeys.list(deploymentId),
    queryFn: () => api<{ links: ShareLinkDto[] }>(base),
    enabled,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: shareLinkKeys.list(deploymentId) });
  const create = useMutation({
    mutationFn: (showNames: boolean) => api<CreatedShareLink>(base, { method: 'POST', json: { showNames } }),
    onSuccess: (link) => {
      on.created(link);
      void refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`${base}/${id}`, { method: 'DELETE' }),
    onSuccess: (_data, id) => {
      on.revoked(id);
      void refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  return { links: data?.links, create, revoke };
}

/** Posts a status update once, however often the request is retried (idempotency key). */
export function usePostStatus(deploymentId: string, onPosted: (text: string) => void) {
  const toast = useToast();
  return useMutation({
    mutationFn: (text: string) =>
      api(`/api/deployments/${deploymentId}/status-updates`, {
        method: 'POST',
        json: { message: text },
        headers: { 'idempotency-key': newIdempotencyKey() },
      }),
    onSuccess: (_data, text) => onPosted(text),
    onError: (error) => toast.error(error.message),
  });
}
