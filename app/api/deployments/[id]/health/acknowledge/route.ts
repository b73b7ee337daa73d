import { acknowledgeHealthSchema } from '@/lib/schemas/metrics';
import { authed, json, readJson } from '@/lib/server/http/route';
import { acknowledgeHealth } from '@/lib/server/metrics/acknowledge-health';

export const dynamic = 'force-dynamic';

export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, acknowledgeHealthSchema);
  return json(await acknowledgeHealth(actor, params.id, input));
});
