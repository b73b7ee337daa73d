import { updateRulesSchema } from '@/lib/schemas/metrics';
import { authed, json, readJson } from '@/lib/server/http/route';
import { getRules } from '@/lib/server/metrics/get-rules';
import { updateRules } from '@/lib/server/metrics/update-rules';

export const dynamic = 'force-dynamic';

export const GET = authed<{ id: string }>(async ({ params, actor }) => json(await getRules(actor, params.id)));

export const PUT = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, updateRulesSchema);
  return json(await updateRules(actor, params.id, input));
});
