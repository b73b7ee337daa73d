import { authed, json } from '@/lib/server/http/route';
import { deleteWebhook } from '@/lib/server/webhooks/delete-webhook';

export const dynamic = 'force-dynamic';

export const DELETE = authed<{ webhookId: string }>(async ({ params, actor }) => json(await deleteWebhook(actor, null, params.webhookId)));
