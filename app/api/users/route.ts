import { createUserSchema } from '@/lib/schemas/user';
import { authed, json, readJson } from '@/lib/server/http/route';
import { createUserAs } from '@/lib/server/users/create-user';
import { listUsers } from '@/lib/server/users/manage-users';

export const dynamic = 'force-dynamic';

export const GET = authed(async ({ request, actor }) =>
  json(await listUsers(actor, new URL(request.url).searchParams)),
);

export const POST = authed(async ({ request, actor }) => {
  const input = await readJson(request, createUserSchema);
  return json({ user: await createUserAs(actor, input) }, 201);
});
