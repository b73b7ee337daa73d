import { authed, json } from '@/lib/server/http/route';
import { startPhase } from '@/lib/server/lifecycle/start-phase';

export const dynamic = 'force-dynamic';

/** No body: the phase id says everything. */
export const POST = authed<{ id: string; phaseId: string }>(async ({ request, params, actor }) => {
  const { replayed, ...result } = await startPhase(
    actor,
    params.id,
    params.phaseId,
    request.headers.get('idempotency-key'),
  );
  return json(result, 200, replayed ? { 'Idempotent-Replayed': 'true' } : undefined);
});
