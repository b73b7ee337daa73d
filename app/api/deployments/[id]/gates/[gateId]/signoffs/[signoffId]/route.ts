import { withdrawSignoff } from '@/lib/server/gates/withdraw-signoff';
import { authed, json } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

export const DELETE = authed<{ id: string; gateId: string; signoffId: string }>(async ({ request, params, actor }) => {
  const { replayed, ...result } = await withdrawSignoff(
    actor,
    params.id,
    params.gateId,
    params.signoffId,
    request.headers.get('idempotency-key'),
  );
  return json(result, 200, replayed ? { 'Idempotent-Replayed': 'true' } : undefined);
});
