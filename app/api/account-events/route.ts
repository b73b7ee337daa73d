import { authed, json } from '@/lib/server/http/route';
import { listAccountEvents } from '@/lib/server/users/account-events';

export const dynamic = 'force-dynamic';

/** The account history for admins, newest first: `?before=<id>` pages back, `?limit=` (1–200, default 50). */
export const GET = authed(async ({ request, actor }) =>
  json(await listAccountEvents(actor, new URL(request.url).searchParams)),
);
