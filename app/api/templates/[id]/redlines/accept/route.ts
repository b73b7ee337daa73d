import { acceptRedlinesSchema } from '@/lib/schemas/redline';
import { authed, json, readJson } from '@/lib/server/http/route';
import { acceptRedlines } from '@/lib/server/redlines/review-redlines';

export const dynamic = 'force-dynamic';

/** Several redlines accepted as one new version. */
export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  const { ids } = await readJson(request, acceptRedlinesSchema);
  return json(await acceptRedlines(actor, params.id, ids));
});
