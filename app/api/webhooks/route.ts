import { createWebhookSchema } from '@/lib/schemas/webhook';
import { authed, json, readJson } from '@/lib/server/http/route';
import { createWebhook } from '@/lib/server/webhooks/create-webhook';
import { listWebhooks } from '@/lib/server/webhooks/list-webhooks';

export const dynamic = 'force-dynamic';

/** Global webhooks hear the chosen events of every deployment: admins only. */
export const GET = authed(async ({ actor }) => json({ webhooks: await listWebhooks(actor, null) }));

export const POST = authed(async ({ request, actor }) => {
  const input = await readJson(request, createWebhookSchema, 8 * 1024);
  return json(await createWebhook(actor, null, input), 201, { 'Cache-Control': 'no-store' });
});
