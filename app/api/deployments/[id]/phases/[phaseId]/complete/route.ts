import { authed, json } from '@/lib/server/http/route';
import { completePhase } from '@/lib/server/lifecycle/complete-phase';

export const dynamic = 'force-dynamic';

/** No body: the phase id says everything. */
export const POST = authed<{ id: string; phaseId: string }>(async ({ request, params, actor }) => {
  const { replayed, ...result } = await completePhase(
    actor,
    params.id,
    params.phaseId,
    request.headers.get('idempotency-key'),
  );
  return json(result, 200, replayed ? { 'Idempotent-Replayed': 'true' } : undefined);
});
