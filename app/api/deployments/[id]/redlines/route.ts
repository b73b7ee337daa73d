import { proposeRedlineSchema } from '@/lib/schemas/redline';
import { authed, json, readJson } from '@/lib/server/http/route';
import { proposeRedline } from '@/lib/server/redlines/propose-redline';

export const dynamic = 'force-dynamic';

/** A change to the runbook proposed during the run (docs/runbooks-that-learn.md); the run itself stays as it is. */
export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, proposeRedlineSchema);
  return json({ redline: await proposeRedline(actor, params.id, input) }, 201);
});
