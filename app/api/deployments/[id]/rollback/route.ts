import { rollbackSchema } from '@/lib/schemas/lifecycle';
import { authed, json, readJson } from '@/lib/server/http/route';
import { declareRollback } from '@/lib/server/lifecycle/declare-rollback';

export const dynamic = 'force-dynamic';

export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, rollbackSchema);
  const { replayed, ...result } = await declareRollback(
    actor,
    params.id,
    input,
    request.headers.get('idempotency-key'),
  );
  return json(result, 200, replayed ? { 'Idempotent-Replayed': 'true' } : undefined);
});
