import { authed } from '@/lib/server/http/route';
import { getDeploymentReport } from '@/lib/server/reports/get-deployment-report';

export const dynamic = 'force-dynamic';

export const GET = authed<{ id: string }>(async ({ params, actor }) => {
  const { markdown, fileName } = await getDeploymentReport(actor, params.id);
  return new Response(markdown, {
    headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"`, 'cache-control': 'no-store' },
  });
});
