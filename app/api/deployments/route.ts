import { createDeploymentSchema } from '@/lib/schemas/deployment';
import { createDeployment } from '@/lib/server/deployments/create-deployment';
import { deploymentListQueryOf, listDeployments } from '@/lib/server/deployments/list-deployments';
import { authed, json, readJson } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = authed(async ({ request, actor }) =>
  json(await listDeployments(actor, deploymentListQueryOf(new URL(request.url).searchParams))),
);

export const POST = authed(async ({ request, actor }) => {
  const input = await readJson(request, createDeploymentSchema);
  return json(await createDeployment(actor, input), 201);
});
