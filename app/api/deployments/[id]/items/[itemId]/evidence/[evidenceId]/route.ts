import { getEvidence } from '@/lib/server/checklist/get-evidence';
import { authed, json } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** One piece of evidence with its whole text (the war room's state carries 2 KB of it). */
export const GET = authed<{ id: string; itemId: string; evidenceId: string }>(async ({ params, actor }) =>
  json(await getEvidence(actor, params.id, params.itemId, params.evidenceId)),
);
