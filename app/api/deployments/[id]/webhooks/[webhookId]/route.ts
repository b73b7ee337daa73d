import { authed, json } from '@/lib/server/http/route';
import { deleteWebhook } from '@/lib/server/webhooks/delete-webhook';

export const dynamic = 'force-dynamic';

export const DELETE = authed<{ id: string; webhookId: string }>(async ({ params, actor }) => json(await deleteWebhook(actor, params.id, params.webhookId)));
