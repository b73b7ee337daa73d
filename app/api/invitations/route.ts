import { createInvitationSchema } from '@/lib/schemas/invitation';
import { authed, json, readJson } from '@/lib/server/http/route';
import { createInvitation, listInvitations } from '@/lib/server/users/invitations';

export const dynamic = 'force-dynamic';

export const GET = authed(async ({ actor }) => json({ invitations: await listInvitations(actor) }));

export const POST = authed(async ({ request, actor }) => {
  const input = await readJson(request, createInvitationSchema);
  return json(await createInvitation(actor, input), 201);
});
