import { listCheckRuns } from '@/lib/server/checks/list-runs';
import { authed, json } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** The item's check's last 20 runs, newest first. */
export const GET = authed<{ id: string; itemId: string }>(async ({ params, actor }) =>
  json(await listCheckRuns(actor, params.id, params.itemId)),
);
