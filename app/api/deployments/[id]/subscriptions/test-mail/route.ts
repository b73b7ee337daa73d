import { assertJsonContentType, authed, json } from '@/lib/server/http/route';
import { sendTestMail } from '@/lib/server/status-mail/manage';

export const dynamic = 'force-dynamic';

/** 202: a test mail to the caller's own address is queued. */
export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  assertJsonContentType(request);
  return json(await sendTestMail(request, actor, params.id), 202);
});
