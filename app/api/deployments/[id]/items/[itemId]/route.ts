import { isReassignBody, reassignItemSchema, updateItemSchema } from '@/lib/schemas/item';
import { reassignItem } from '@/lib/server/checklist/reassign-item';
import { updateItem } from '@/lib/server/checklist/update-item';
import { authed, json, readJson, validate } from '@/lib/server/http/route';
import { z } from '@/lib/zod';

export const dynamic = 'force-dynamic';

/** `{status, note?, version}` ticks the step; `{roleKey, version}` moves it to another role (IC only). */
export const PATCH = authed<{ id: string; itemId: string }>(async ({ request, params, actor }) => {
  const raw = await readJson(request, z.unknown());
  if (isReassignBody(raw))
    return json(await reassignItem(actor, params.id, params.itemId, validate(reassignItemSchema, raw)));
  const input = validate(updateItemSchema, raw);
  const { replayed, ...result } = await updateItem(
    actor,
    params.id,
    params.itemId,
    input,
    request.headers.get('idempotency-key'),
  );
  return json(result, 200, replayed ? { 'Idempotent-Replayed': 'true' } : undefined);
});
