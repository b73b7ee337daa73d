import { createTokenSchema } from '@/lib/schemas/user';
import { ADMIN_TOKEN_USER_ID } from '@/lib/server/auth/get-actor';
import { AppError } from '@/lib/server/errors';
import { authed, json, readJson } from '@/lib/server/http/route';
import { createApiToken } from '@/lib/server/users/create-token';
import { listApiTokens } from '@/lib/server/users/list-tokens';

export const dynamic = 'force-dynamic';

export const GET = authed(async ({ actor }) => json({ tokens: await listApiTokens(actor.userId) }));

export const POST = authed(async ({ request, actor }) => {
  // Tokens mint no tokens: a leaked token must not be able to outlive its revocation.
  if (actor.token || actor.userId === ADMIN_TOKEN_USER_ID)
    throw new AppError('forbidden', 'Create tokens while signed in, not with a token.');
  const input = await readJson(request, createTokenSchema);
  const { token, apiToken } = await createApiToken(actor.userId, input);
  return json({ token, apiToken }, 201);
});
