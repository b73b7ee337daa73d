import { authed, json } from '@/lib/server/http/route';
import { getDeploymentWall } from '@/lib/server/status/get-deployment-wall';

export const dynamic = 'force-dynamic';

export const GET = authed<{ id: string }>(async ({ params, actor }) => json(await getDeploymentWall(actor, params.id)));
