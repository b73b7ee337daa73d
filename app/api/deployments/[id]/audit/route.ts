import { checkDeploymentRecord, keptHeadOf } from '@/lib/server/audit/check-record';
import { authed, json } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * Recomputes the deployment's audit chain with the server's keys: intact, or where it breaks;
 * with `?seq=&hash=`, also whether it still passes through that head.
 */
export const GET = authed<{ id: string }>(async ({ request, params, actor }) =>
  json(await checkDeploymentRecord(actor, params.id, keptHeadOf(new URL(request.url).searchParams))),
);
