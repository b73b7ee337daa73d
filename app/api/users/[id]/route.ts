import { setUserActiveSchema } from '@/lib/schemas/invitation';
import { authed, json, readJson } from '@/lib/server/http/route';
import { setUserActive } from '@/lib/server/users/manage-users';

export const dynamic = 'force-dynamic';

/** `{ "active": false }` deactivates the account (sessions, tokens and sockets end at once). */
export const PATCH = authed<{ id: string }>(async ({ request, params, actor }) => {
  const { active } = await readJson(request, setUserActiveSchema);
  return json({ user: await setUserActive(actor, params.id, active) });
});
