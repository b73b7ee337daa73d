'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/client/api';
import { userKeys } from '@/lib/client/query-keys';
import type { AccountEventDto } from '@/lib/contracts/users';

type Page = { events: AccountEventDto[]; nextBefore: string | null };

/** The account history, newest first, a page at a time (the first page comes with the page). */
export function useAccountHistory(initial: Page) {
  const query = useInfiniteQuery({
    queryKey: userKeys.history,
    queryFn: ({ pageParam }) =>
      api<Page>(pageParam ? `/api/account-events?before=${encodeURIComponent(pageParam)}` : '/api/account-events'),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
    initialData: { pages: [initial], pageParams: [null] },
  });
  return {
    events: query.data.pages.flatMap((page) => page.events),
    hasOlder: query.hasNextPage,
    loadOlder: () => void query.fetchNextPage(),
    loadingOlder: query.isFetchingNextPage,
  };
}
