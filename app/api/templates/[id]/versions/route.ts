import { authed, json } from '@/lib/server/http/route';
import { importTemplateVersion } from '@/lib/server/templates/import-template-version';
import { readRunbookRequest } from '@/lib/server/templates/read-runbook-request';
import { listTemplateVersions } from '@/lib/server/templates/versions';

export const dynamic = 'force-dynamic';

export const GET = authed<{ id: string }>(async ({ params }) =>
  json({ versions: await listTemplateVersions(params.id) }),
);

export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  const saved = await importTemplateVersion(actor, params.id, await readRunbookRequest(request, true));
  return json(saved, saved.created ? 201 : 200);
});
