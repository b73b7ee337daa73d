import { authed, json } from '@/lib/server/http/route';
import { revokeApiToken } from '@/lib/server/users/list-tokens';

export const dynamic = 'force-dynamic';

export const DELETE = authed<{ tokenId: string }>(async ({ params, actor }) => {
  await revokeApiToken(actor.userId, params.tokenId);
  return json({ revoked: true });
});
