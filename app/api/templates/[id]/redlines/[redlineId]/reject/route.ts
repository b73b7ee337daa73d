import { rejectRedlineSchema } from '@/lib/schemas/redline';
import { authed, json, readJson } from '@/lib/server/http/route';
import { rejectRedline } from '@/lib/server/redlines/review-redlines';

export const dynamic = 'force-dynamic';

export const POST = authed<{ id: string; redlineId: string }>(async ({ request, params, actor }) => {
  const { reason } = await readJson(request, rejectRedlineSchema);
  return json({ redline: await rejectRedline(actor, params.id, params.redlineId, reason) });
});
