import { overrideSchema } from '@/lib/schemas/gate';
import { overrideGate } from '@/lib/server/gates/override-gate';
import { authed, json, readJson } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = authed<{ id: string; gateId: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, overrideSchema);
  const { replayed, ...result } = await overrideGate(
    actor,
    params.id,
    params.gateId,
    input,
    request.headers.get('idempotency-key'),
  );
  return json(result, 200, replayed ? { 'Idempotent-Replayed': 'true' } : undefined);
});
