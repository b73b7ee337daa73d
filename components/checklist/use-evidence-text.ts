'use client';

import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/client/api';
import { deploymentKeys } from '@/lib/client/query-keys';
import type { EvidenceDto } from '@/lib/contracts/items';

/** The whole text of one piece of evidence, fetched only when asked for (evidence never changes: cached for good). */
export function useEvidenceText(href: string, enabled: boolean) {
  return useQuery({
    queryKey: deploymentKeys.evidence(href),
    queryFn: async () => (await api<{ evidence: EvidenceDto }>(href)).evidence.text,
    enabled,
    staleTime: Infinity,
  });
}
