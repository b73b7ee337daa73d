import { setWebhookActiveSchema } from '@/lib/schemas/webhook';
import { authed, json, readJson } from '@/lib/server/http/route';
import { deleteWebhook } from '@/lib/server/webhooks/delete-webhook';
import { setWebhookActive } from '@/lib/server/webhooks/set-webhook-active';

export const dynamic = 'force-dynamic';

/** {active: false} pauses, {active: true} resumes: 200 {webhook}. */
export const PATCH = authed<{ webhookId: string }>(async ({ request, params, actor }) => {
  const { active } = await readJson(request, setWebhookActiveSchema, 1024);
  return json(await setWebhookActive(actor, null, params.webhookId, active));
});

export const DELETE = authed<{ webhookId: string }>(async ({ params, actor }) =>
  json(await deleteWebhook(actor, null, params.webhookId)),
);
