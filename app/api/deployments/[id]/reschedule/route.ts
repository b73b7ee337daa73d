import { rescheduleSchema } from '@/lib/schemas/lifecycle';
import { authed, json, readJson } from '@/lib/server/http/route';
import { rescheduleDeployment } from '@/lib/server/lifecycle/reschedule-deployment';

export const dynamic = 'force-dynamic';

export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, rescheduleSchema);
  const { replayed, ...result } = await rescheduleDeployment(
    actor,
    params.id,
    input,
    request.headers.get('idempotency-key'),
  );
  return json(result, 200, replayed ? { 'Idempotent-Replayed': 'true' } : undefined);
});
