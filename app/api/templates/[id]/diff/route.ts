import { authed, json } from '@/lib/server/http/route';
import { diffTemplateVersions } from '@/lib/server/templates/diff-template-versions';

export const dynamic = 'force-dynamic';

export const GET = authed<{ id: string }>(async ({ request, params }) =>
  json(await diffTemplateVersions(params.id, new URL(request.url).searchParams)),
);
