import { prometheusSourceSchema } from '@/lib/schemas/metrics';
import { authed, json, readJson } from '@/lib/server/http/route';
import { configurePrometheus } from '@/lib/server/metrics/configure-prometheus';
import { disconnectPrometheus } from '@/lib/server/metrics/disconnect-prometheus';

export const dynamic = 'force-dynamic';

export const PUT = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, prometheusSourceSchema);
  return json(await configurePrometheus(actor, params.id, input));
});

export const DELETE = authed<{ id: string }>(async ({ params, actor }) =>
  json(await disconnectPrometheus(actor, params.id)),
);
