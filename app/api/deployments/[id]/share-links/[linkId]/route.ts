import { authed, json } from '@/lib/server/http/route';
import { revokeShareLink } from '@/lib/server/share-links/revoke-share-link';

export const dynamic = 'force-dynamic';

export const DELETE = authed<{ id: string; linkId: string }>(async ({ params, actor }) =>
  json(await revokeShareLink(actor, params.id, params.linkId)),
);
