import { getDeployment } from '@/lib/server/deployments/get-deployment';
import { authed, json } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = authed<{ id: string }>(async ({ params, actor }) => json(await getDeployment(actor, params.id)));
