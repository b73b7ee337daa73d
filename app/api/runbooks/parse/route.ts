import { authed, json } from '@/lib/server/http/route';
import { importRunbook } from '@/lib/server/templates/import-runbook';
import { readRunbookRequest } from '@/lib/server/templates/read-runbook-request';

export const dynamic = 'force-dynamic';

/** Markdown in, template preview out; nothing is stored. */
export const POST = authed(async ({ request }) => json(await importRunbook(await readRunbookRequest(request, false))));
