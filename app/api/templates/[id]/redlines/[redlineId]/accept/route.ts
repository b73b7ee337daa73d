import { authed, json } from '@/lib/server/http/route';
import { acceptRedlines } from '@/lib/server/redlines/review-redlines';

export const dynamic = 'force-dynamic';

export const POST = authed<{ id: string; redlineId: string }>(async ({ params, actor }) =>
  json(await acceptRedlines(actor, params.id, [params.redlineId])),
);
