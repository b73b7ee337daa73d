'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { userKeys } from '@/lib/client/query-keys';
import { useSettledSearch } from '@/lib/client/use-settled-search';
import type { InvitationDto, UserListDto } from '@/lib/contracts/users';
import type { AccountShow } from '@/lib/domain/account-list';
import { withQuery } from '@/lib/domain/query-string';

/** `?q=&show=` as GET /api/users reads them; the defaults left out. */
/**
 * Accounts (those `show` asks for and matching `search`, once typing pauses) and invitations for
 * the admin, and the changes to them (a refusal is a toast).
 */
export function useUsers(
  initialUsers: UserListDto,
  initialInvitations: InvitationDto[],
  { search, show }: { search: string; show: AccountShow },
  onInvited: (path: string) => void,
) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const { q, typing } = useSettledSearch(search);
  const { data: users, isPlaceholderData } = useQuery({
    queryKey: userKeys.usersMatching(q, show),
    queryFn: () => api<UserListDto>(withQuery('/api/users', { q, show: show === 'everyone' ? undefined : show })),
    initialData: q === '' && show === 'everyone' ? initialUsers : undefined,
    // The last answer stays on screen while the next search is asked.
    placeholderData: keepPreviousData,
  });
  const { data: invitations } = useQuery({
    queryKey: userKeys.invitations,
    queryFn: () => api<{ invitations: InvitationDto[] }>('/api/invitations').then((r) => r.invitations),
    initialData: initialInvitations,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: userKeys.users }),
      queryClient.invalidateQueries({ queryKey: userKeys.invitations }),
      queryClient.invalidateQueries({ queryKey: userKeys.history }),
    ]);
  const invite = useMutation({
    mutationFn: (input: { email: string; isAdmin: boolean }) =>
      api<{ path: string }>('/api/invitations', { method: 'POST', json: input }),
    onSuccess: ({ path }) => {
      onInvited(path);
      void refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/invitations/${id}`, { method: 'DELETE' }),
    onSuccess: () => void refresh(),
    onError: (e) => toast.error(e.message),
  });
  const setActive = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api(`/api/users/${id}`, { method: 'PATCH', json: { active } }),
    onSuccess: () => void refresh(),
    onError: (error) => toast.error(error.message),
  });
  // Searching: typing, or an earlier search's answer on screen while this one's is asked.
  const searching = typing || isPlaceholderData;
  return { users: users ?? initialUsers, searchedFor: q, searching, invitations, invite, revoke, setActive };
}
