import { transitionSchema } from '@/lib/schemas/lifecycle';
import { authed, json, readJson } from '@/lib/server/http/route';
import { transitionDeployment } from '@/lib/server/lifecycle/transition-deployment';

export const dynamic = 'force-dynamic';

export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, transitionSchema);
  const { replayed, ...result } = await transitionDeployment(
    actor,
    params.id,
    input,
    request.headers.get('idempotency-key'),
  );
  return json(result, 200, replayed ? { 'Idempotent-Replayed': 'true' } : undefined);
});
