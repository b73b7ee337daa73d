'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { tokenKeys } from '@/lib/client/query-keys';
import type { TokenDto } from '@/lib/contracts/users';

/** The signed-in person's API tokens, and creating or revoking one (a refusal is a toast). */
export function useTokens(initial: TokenDto[], onCreated: (token: string) => void) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const { data: tokens } = useQuery({
    queryKey: tokenKeys.all,
    queryFn: () => api<{ tokens: TokenDto[] }>('/api/tokens').then((r) => r.tokens),
    initialData: initial,
  });
  const create = useMutation({
    mutationFn: (input: { name: string; scopes: string[] }) =>
      api<{ token: string }>('/api/tokens', { method: 'POST', json: input }),
    onSuccess: ({ token }) => {
      onCreated(token);
      void queryClient.invalidateQueries({ queryKey: tokenKeys.all });
    },
    onError: (error) => toast.error(error.message),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
    onError: (error) => toast.error(error.message),
  });
  return { tokens, create, revoke };
}
