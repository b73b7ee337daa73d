import { json, open, readJson } from '@/lib/server/http/route';
import { subscribeToStatus } from '@/lib/server/status-mail/subscribe';
import { z } from '@/lib/zod';

export const dynamic = 'force-dynamic';

// The address itself is checked by the command (422 invalid_email), whatever its type.
const bodySchema = z.object({ email: z.unknown() });

/** 202 for every address (no way to learn who subscribed); the confirmation mail is queued. */
export const POST = open<{ token: string }>(async ({ request, params }) => {
  const body = await readJson(request, bodySchema, 1024);
  await subscribeToStatus(request, params.token, body);
  return json({ ok: true }, 202, { 'Cache-Control': 'no-store' });
});
