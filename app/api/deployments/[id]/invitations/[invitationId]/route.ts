import { authed, json } from '@/lib/server/http/route';
import { revokeRoleInvitation } from '@/lib/server/participants/role-invitations';

export const dynamic = 'force-dynamic';

export const DELETE = authed<{ id: string; invitationId: string }>(async ({ params, actor }) =>
  json(await revokeRoleInvitation(actor, params.id, params.invitationId)),
);
