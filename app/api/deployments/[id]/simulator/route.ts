import { startSimulatorSchema } from '@/lib/schemas/metrics';
import { authed, json, readJson } from '@/lib/server/http/route';
import { startSimulator } from '@/lib/server/metrics/start-simulator';
import { stopSimulator } from '@/lib/server/metrics/stop-simulator';

export const dynamic = 'force-dynamic';

export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, startSimulatorSchema);
  return json(await startSimulator(actor, params.id, input), 201);
});

export const DELETE = authed<{ id: string }>(async ({ params, actor }) => json(await stopSimulator(actor, params.id)));
