import { createWebhookSchema } from '@/lib/schemas/webhook';
import { authed, json, readJson } from '@/lib/server/http/route';
import { createWebhook } from '@/lib/server/webhooks/create-webhook';
import { listWebhooks } from '@/lib/server/webhooks/list-webhooks';

export const dynamic = 'force-dynamic';

export const GET = authed<{ id: string }>(async ({ params, actor }) =>
  json({ webhooks: await listWebhooks(actor, params.id) }),
);

/** 201 {webhook, secret}: the signing secret is shown this once. */
export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, createWebhookSchema, 8 * 1024);
  return json(await createWebhook(actor, params.id, input), 201, { 'Cache-Control': 'no-store' });
});
