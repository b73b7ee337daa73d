import { signoffSchema } from '@/lib/schemas/gate';
import { signGate } from '@/lib/server/gates/sign-gate';
import { authed, json, readJson } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = authed<{ id: string; gateId: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, signoffSchema);
  const { replayed, ...result } = await signGate(
    actor,
    params.id,
    params.gateId,
    input,
    request.headers.get('idempotency-key'),
  );
  return json(result, 201, replayed ? { 'Idempotent-Replayed': 'true' } : undefined);
});
