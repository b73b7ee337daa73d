import { postStatusUpdateSchema } from '@/lib/schemas/status';
import { authed, json, readJson } from '@/lib/server/http/route';
import { postStatusUpdate } from '@/lib/server/status/post-status-update';

export const dynamic = 'force-dynamic';

export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, postStatusUpdateSchema, 4 * 1024);
  const { replayed, ...update } = await postStatusUpdate(
    actor,
    params.id,
    input,
    request.headers.get('idempotency-key'),
  );
  return json({ update }, 201, replayed ? { 'Idempotent-Replayed': 'true' } : undefined);
});
