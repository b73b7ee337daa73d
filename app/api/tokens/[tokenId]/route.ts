import { AppError } from '@/lib/server/errors';
import { authed, json } from '@/lib/server/http/route';
import { revokeApiToken } from '@/lib/server/users/list-tokens';

export const dynamic = 'force-dynamic';

export const DELETE = authed<{ tokenId: string }>(async ({ params, actor }) => {
  // A narrow token (metrics only, or one deployment) does exactly that, and no token management.
  if (actor.token && (!actor.token.scopes.includes('write') || actor.token.deploymentId))
    throw new AppError('forbidden', 'This token may not manage tokens.');
  await revokeApiToken(actor.userId, params.tokenId);
  return json({ revoked: true });
});
