import { setWebhookRehearsalsSchema } from '@/lib/schemas/webhook';
import { authed, json, readJson } from '@/lib/server/http/route';
import { setWebhookRehearsals } from '@/lib/server/webhooks/set-webhook-rehearsals';

export const dynamic = 'force-dynamic';

/** {includeRehearsals: true|false} on a global webhook: 200 {webhook}. */
export const PUT = authed<{ webhookId: string }>(async ({ request, params, actor }) => {
  const { includeRehearsals } = await readJson(request, setWebhookRehearsalsSchema, 1024);
  return json(await setWebhookRehearsals(actor, params.webhookId, includeRehearsals));
});
