'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '@/lib/client/api';
import { deploymentKeys } from '@/lib/client/query-keys';
import type { DeploymentDto } from '@/lib/contracts/deployments';
import type { InviteToRoleResult, RoleInvitationDto } from '@/lib/contracts/people';
import type { InviteToRoleInput } from '@/lib/schemas/participant';

/**
 * The deployment's pending role invitations, and inviting / revoking, for the IC's People panel.
 * Only fetched when `enabled` (the IC or an admin): nobody else may list them.
 */
export function useRoleInvitations(deployment: DeploymentDto, enabled: boolean) {
  const queryClient = useQueryClient();
  const key = deploymentKeys.invitations(deployment.id);
  const list = useQuery({
    queryKey: key,
    queryFn: () =>
      api<{ invitations: RoleInvitationDto[] }>(`/api/deployments/${deployment.id}/invitations`).then(
        (r) => r.invitations,
      ),
    enabled,
  });
  // Someone accepting an invitation arrives as a new holder (a live event): their invitation is no longer pending.
  const holders = deployment.roles.flatMap((r) => r.holders.map((h) => h.participantId)).join(',');
  useEffect(() => {
    if (enabled) void queryClient.invalidateQueries({ queryKey: key });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is derived from deployment.id
  }, [holders, enabled, queryClient, deployment.id]);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: key }),
      queryClient.invalidateQueries({ queryKey: deploymentKeys.detail(deployment.id) }),
    ]);
  const invite = useMutation({
    mutationFn: (input: InviteToRoleInput) =>
      api<InviteToRoleResult>(`/api/deployments/${deployment.id}/invitations`, { method: 'POST', json: input }),
    onSuccess: () => void refresh(),
  });
  const revoke = useMutation({
    mutationFn: (invitationId: string) =>
      api(`/api/deployments/${deployment.id}/invitations/${invitationId}`, { method: 'DELETE' }),
    onSuccess: () => void refresh(),
  });
  return { invitations: list.data ?? [], loading: list.isPending && enabled, invite, revoke };
}
