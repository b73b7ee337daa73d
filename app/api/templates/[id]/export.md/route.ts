import { authed } from '@/lib/server/http/route';
import { exportTemplate } from '@/lib/server/templates/export-template';

export const dynamic = 'force-dynamic';

export const GET = authed<{ id: string }>(async ({ params }) => {
  const { markdown, fileName } = await exportTemplate(params.id);
  return new Response(markdown, {
    headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"`, 'cache-control': 'no-store' },
  });
});
