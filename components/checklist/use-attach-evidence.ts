'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { ApiError, api } from '@/lib/client/api';
import { newIdempotencyKey } from '@/lib/client/idempotency-key';
import { deploymentKeys } from '@/lib/client/query-keys';
import type { DeploymentDto } from '@/lib/contracts/deployments';
import type { AttachEvidenceResult, EvidenceDto, ItemDto } from '@/lib/contracts/items';
import { describeRedaction } from '@/lib/domain/evidence/redact';
import { replaceItem, withEvidence } from '@/lib/realtime/client/apply-event';

export type AttachEvidenceVariables = { item: ItemDto; text: string; url: string; tick: boolean };

/**
 * Attaches pasted output and/or a link to an item, ticking it in the same request when `tick`.
 * The answer (the item, the evidence as stored) goes straight into the war room's state; the
 * live event that follows finds the evidence already there. What was redacted is said at once.
 */
export function useAttachEvidence(deploymentId: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const key = deploymentKeys.detail(deploymentId);
  return useMutation({
    mutationFn: ({ item, text, url, tick }: AttachEvidenceVariables) =>
      api<AttachEvidenceResult>(`/api/deployments/${deploymentId}/items/${item.id}/evidence`, {
        method: 'POST',
        json: {
          text: text.trim() ? text : undefined,
          url: url.trim() || undefined,
          ...(tick ? { status: 'done', version: item.version } : {}),
        },
        headers: { 'Idempotency-Key': newIdempotencyKey() },
      }),
    onSuccess: ({ item, evidence }) => {
      queryClient.setQueryData<DeploymentDto>(key, (state) => (state ? addEvidence(state, item, evidence) : state));
      toast.info(
        evidence.redacted
          ? `Evidence attached. ${describeRedaction(evidence.redacted, evidence.redactedKinds)}`
          : 'Evidence attached.',
      );
    },
    onError: (error) => {
      const current = error instanceof ApiError ? (error.details.item as ItemDto | undefined) : undefined;
      if (current)
        queryClient.setQueryData<DeploymentDto>(key, (state) => (state ? replaceItem(state, current) : state));
      toast.error(error instanceof Error ? error.message : 'The evidence was not saved.');
    },
  });
}

function addEvidence(state: DeploymentDto, item: ItemDto, evidence: EvidenceDto): DeploymentDto {
  const next = replaceItem(state, item);
  return {
    ...next,
    phases: next.phases.map((phase) =>
      phase.id === item.phaseId
        ? { ...phase, items: mapItem(phase.items, item.id, (i) => withEvidence(i, evidence)) }
        : phase,
    ),
  };
}

function mapItem(items: ItemDto[], id: string, change: (item: ItemDto) => ItemDto): ItemDto[] {
  return items.map((i) =>
    i.id === id ? change(i) : i.children.length ? { ...i, children: mapItem(i.children, id, change) } : i,
  );
}
