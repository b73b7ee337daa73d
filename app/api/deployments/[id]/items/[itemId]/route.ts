import { updateItemSchema } from '@/lib/schemas/item';
import { updateItem } from '@/lib/server/checklist/update-item';
import { authed, json, readJson } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

export const PATCH = authed<{ id: string; itemId: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, updateItemSchema);
  const { replayed, ...result } = await updateItem(actor, params.id, params.itemId, input, request.headers.get('idempotency-key'));
  return json(result, 200, replayed ? { 'Idempotent-Replayed': 'true' } : undefined);
});
