import { inviteToRoleSchema } from '@/lib/schemas/participant';
import { authed, json, readJson } from '@/lib/server/http/route';
import { inviteToRole, listRoleInvitations } from '@/lib/server/participants/role-invitations';

export const dynamic = 'force-dynamic';

export const GET = authed<{ id: string }>(async ({ params, actor }) =>
  json({ invitations: await listRoleInvitations(actor, params.id) }),
);

/** 201 either way: `outcome: 'invited'` with the link (shown this once), or `'added'` for an existing account. */
export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, inviteToRoleSchema);
  return json(await inviteToRole(actor, params.id, input), 201);
});
