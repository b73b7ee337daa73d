import { checkDeploymentRecord } from '@/lib/server/audit/check-record';
import { authed, json } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** Recomputes the deployment's audit chain with the server's keys: intact, or where it breaks. */
export const GET = authed<{ id: string }>(async ({ params, actor }) =>
  json(await checkDeploymentRecord(actor, params.id)),
);
