import { authed, json } from '@/lib/server/http/route';
import { listDeliveries } from '@/lib/server/webhooks/list-deliveries';

export const dynamic = 'force-dynamic';

export const GET = authed<{ webhookId: string }>(async ({ params, actor }) =>
  json({ deliveries: await listDeliveries(actor, null, params.webhookId) }),
);
