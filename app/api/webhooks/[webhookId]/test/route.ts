import { authed, json } from '@/lib/server/http/route';
import { sendTestDelivery } from '@/lib/server/webhooks/send-test-delivery';

export const dynamic = 'force-dynamic';

/** Sends one signed test now: 200 {ok, status, error?} — ok false when the receiver failed, not this request. */
export const POST = authed<{ webhookId: string }>(async ({ params, actor }) =>
  json(await sendTestDelivery(actor, null, params.webhookId)),
);
