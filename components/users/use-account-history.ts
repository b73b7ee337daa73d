'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/client/api';
import { userKeys } from '@/lib/client/query-keys';
import type { AccountEventDto } from '@/lib/contracts/users';
import { withQuery } from '@/lib/domain/query-string';

type Page = { events: AccountEventDto[]; nextBefore: string | null };

/**
 * The account history, newest first, a page at a time: everyone's (its first page comes with the
 * page), or one person's (`personId`).
 */
export function useAccountHistory(initial: Page, personId: string | null) {
  const query = useInfiniteQuery({
    queryKey: userKeys.historyOf(personId),
    queryFn: ({ pageParam }) => api<Page>(withQuery('/api/account-events', { person: personId, before: pageParam })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
    ...(personId ? {} : { initialData: { pages: [initial], pageParams: [null] } }),
  });
  return {
    events: query.data?.pages.flatMap((page) => page.events) ?? [],
    loading: query.isPending,
    hasOlder: query.hasNextPage,
    loadOlder: () => void query.fetchNextPage(),
    loadingOlder: query.isFetchingNextPage,
  };
}
