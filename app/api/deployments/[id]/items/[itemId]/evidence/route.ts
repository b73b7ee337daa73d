import { MAX_EVIDENCE_TEXT_BYTES } from '@/lib/domain/evidence/proof';
import { attachEvidenceSchema } from '@/lib/schemas/item';
import { attachEvidence } from '@/lib/server/checklist/attach-evidence';
import { authed, json, readJson } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * The body may be larger than the text it carries (JSON escapes a control character in six
 * bytes): read up to that, then the command holds the text itself to 256 KB (413).
 */
const BODY_LIMIT = MAX_EVIDENCE_TEXT_BYTES * 6 + 16 * 1024;

/** `{text?, url?, source?, status?: "done", version?}` attaches evidence; with `status` it ticks in the same event. */
export const POST = authed<{ id: string; itemId: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, attachEvidenceSchema, BODY_LIMIT);
  const { replayed, ...result } = await attachEvidence(
    actor,
    params.id,
    params.itemId,
    input,
    request.headers.get('idempotency-key'),
  );
  return json(result, 201, replayed ? { 'Idempotent-Replayed': 'true' } : undefined);
});
