import { MAX_EVIDENCE_TEXT_BYTES } from '@/lib/domain/evidence/proof';
import { ciCallback } from '@/lib/server/checks/ci-callback';
import { json, open, readText } from '@/lib/server/http/route';
import { limitCiCallbacks } from '@/lib/server/http/write-rate-limit';

export const dynamic = 'force-dynamic';

/** What a JSON body's text escapes can take beyond the text itself (see the evidence route). */
const BODY_LIMIT = MAX_EVIDENCE_TEXT_BYTES * 6 + 16 * 1024;

/**
 * A CI job's "passed": the secret in the URL is the credential (no session, no token), the body
 * the log excerpt — plain text, or JSON `{"text": "…"}`. Rate-limited per client address first,
 * wrong secrets included.
 */
export const POST = open<{ secret: string }>(async ({ request, params }) => {
  await limitCiCallbacks(request.headers);
  const body = await readText(request, BODY_LIMIT);
  let text = body;
  if (/json/i.test(request.headers.get('content-type') ?? '')) {
    try {
      const parsed = JSON.parse(body) as { text?: unknown };
      text = typeof parsed?.text === 'string' ? parsed.text : body;
    } catch {
      // Not JSON after all: the body is the excerpt as sent.
    }
  }
  return json(await ciCallback(params.secret, text), 201);
});
