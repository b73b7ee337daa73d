import { createTokenSchema } from '@/lib/schemas/user';
import { authed, json, readJson } from '@/lib/server/http/route';
import { createApiTokenAs, listApiTokens } from '@/lib/server/users/manage-tokens';

export const dynamic = 'force-dynamic';

export const GET = authed(async ({ actor }) => json({ tokens: await listApiTokens(actor.userId) }));

export const POST = authed(async ({ request, actor }) => {
  const input = await readJson(request, createTokenSchema);
  return json(await createApiTokenAs(actor, input), 201);
});
