import { authed, json } from '@/lib/server/http/route';
import { createTemplate } from '@/lib/server/templates/create-template';
import { listTemplates } from '@/lib/server/templates/list-templates';
import { readRunbookRequest } from '@/lib/server/templates/read-runbook-request';

export const dynamic = 'force-dynamic';

export const GET = authed(async ({ request, actor }) =>
  json(await listTemplates(actor, new URL(request.url).searchParams)),
);

export const POST = authed(async ({ request, actor }) =>
  json(await createTemplate(actor, await readRunbookRequest(request, true)), 201),
);
