import { createShareLinkSchema } from '@/lib/schemas/status';
import { authed, json, readJson } from '@/lib/server/http/route';
import { createShareLink } from '@/lib/server/share-links/create-share-link';
import { listShareLinks } from '@/lib/server/share-links/list-share-links';

export const dynamic = 'force-dynamic';

export const GET = authed<{ id: string }>(async ({ params, actor }) =>
  json({ links: await listShareLinks(actor, params.id) }),
);

/** 201 {id, token, url}: the token is shown this once. */
export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, createShareLinkSchema, 1024);
  return json(await createShareLink(actor, params.id, input), 201, { 'Cache-Control': 'no-store' });
});
