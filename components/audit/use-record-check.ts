'use client';

import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/client/api';
import type { RecordCheckDto } from '@/lib/contracts/audit';

/**
 * A record's check, run when asked for (it reads the whole record): `check` runs it again and
 * the answer stays until the next, so a reader can see when it was made.
 */
export function useRecordCheck(path: string, queryKey: readonly unknown[]) {
  const query = useQuery({
    queryKey,
    queryFn: () => api<RecordCheckDto>(path),
    enabled: false,
    retry: false,
  });
  return {
    result: query.data,
    checking: query.isFetching,
    error: query.error,
    check: () => void query.refetch(),
  };
}
