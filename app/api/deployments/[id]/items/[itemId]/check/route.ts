import { setCheckSchema } from '@/lib/schemas/check';
import { removeCheck, setCheck } from '@/lib/server/checks/set-check';
import { authed, json, readJson } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** `{kind: "http" | "prometheus" | "ci", …}` puts a check on the item (replacing any); a ci check's secret URL is answered once. */
export const PUT = authed<{ id: string; itemId: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, setCheckSchema);
  return json(await setCheck(actor, params.id, params.itemId, input));
});

/** Takes the item's check off. */
export const DELETE = authed<{ id: string; itemId: string }>(async ({ params, actor }) => {
  await removeCheck(actor, params.id, params.itemId);
  return new Response(null, { status: 204 });
});
