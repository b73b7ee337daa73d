import { createUserSchema } from '@/lib/schemas/user';
import { AppError } from '@/lib/server/errors';
import { authed, json, readJson } from '@/lib/server/http/route';
import { createUserAccount } from '@/lib/server/users/create-user';

export const dynamic = 'force-dynamic';

export const POST = authed(async ({ request, actor }) => {
  if (!actor.isAdmin || (actor.token && !actor.token.scopes.includes('write'))) throw new AppError('forbidden', 'Only an admin can create accounts.');
  const input = await readJson(request, createUserSchema);
  return json({ user: await createUserAccount(input) }, 201);
});
