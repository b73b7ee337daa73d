import { authed, json } from '@/lib/server/http/route';
import { revokeInvitation } from '@/lib/server/users/invitations';

export const dynamic = 'force-dynamic';

export const DELETE = authed<{ id: string }>(async ({ params, actor }) =>
  json({ invitation: await revokeInvitation(actor, params.id) }),
);
