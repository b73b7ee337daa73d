'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { userKeys } from '@/lib/client/query-keys';
import type { InvitationDto, UserRowDto } from '@/lib/contracts/users';

/** Accounts and invitations for the admin, and the changes to them (a refusal is a toast). */
export function useUsers(
  initialUsers: UserRowDto[],
  initialInvitations: InvitationDto[],
  onInvited: (path: string) => void,
) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const { data: users } = useQuery({
    queryKey: userKeys.users,
    queryFn: () => api<{ users: UserRowDto[] }>('/api/users').then((r) => r.users),
    initialData: initialUsers,
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
  return { users, invitations, invite, revoke, setActive };
}
