import { authed, json } from '@/lib/server/http/route';
import { listSources } from '@/lib/server/metrics/list-sources';

export const dynamic = 'force-dynamic';

export const GET = authed<{ id: string }>(async ({ params, actor }) => json(await listSources(actor, params.id)));
