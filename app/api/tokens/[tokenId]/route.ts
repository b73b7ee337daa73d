import { authed, json } from '@/lib/server/http/route';
import { revokeApiTokenAs } from '@/lib/server/users/manage-tokens';

export const dynamic = 'force-dynamic';

export const DELETE = authed<{ tokenId: string }>(async ({ params, actor }) => {
  await revokeApiTokenAs(actor, params.tokenId);
  return json({ revoked: true });
});
