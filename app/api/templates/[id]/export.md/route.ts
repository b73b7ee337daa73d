import { AppError } from '@/lib/server/errors';
import { authed } from '@/lib/server/http/route';
import { exportTemplate } from '@/lib/server/templates/export-template';
import { parseVersionParam } from '@/lib/server/templates/versions';

export const dynamic = 'force-dynamic';

/** The newest version as Markdown, or `?version=N` that version. */
export const GET = authed<{ id: string }>(async ({ request, params }) => {
  const asked = new URL(request.url).searchParams.get('version');
  if (asked !== null && !asked.trim())
    throw new AppError('invalid_query', 'version must be a version number (1, 2, …), or left out for the newest.');
  const { markdown, fileName } = await exportTemplate(
    params.id,
    asked === null ? null : parseVersionParam(asked, 'version'),
  );
  return new Response(markdown, {
    headers: {
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    },
  });
});
