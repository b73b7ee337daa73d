import { createHmac } from 'node:crypto';
import { guardedRequest } from '@/lib/server/egress';
import { env } from '@/lib/server/env';

export type SendResult = { ok: boolean; status: number | null; error: string | null };

export const webhookTimeoutMs = () => env().WEBHOOK_TIMEOUT_MS;

/** `sha256=<hex HMAC-SHA256 of the exact body bytes>`, keyed with the webhook's secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * One POST through the egress guard, with a hard deadline: a hanging receiver costs at most
 * `timeoutMs` of a background slot, never a request of the war room. Redirects are not followed;
 * only 2xx counts.
 */
export async function sendWebhook(input: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}): Promise<SendResult> {
  const answer = await guardedRequest({
    url: input.url,
    method: 'POST',
    body: input.body,
    timeoutMs: input.timeoutMs,
    headers: { 'content-type': 'application/json', 'user-agent': 'WarRoom-Webhooks/1', ...input.headers },
  });
  if (!answer.ok) return { ok: false, status: null, error: answer.error };
  const ok = answer.status >= 200 && answer.status < 300;
  return { ok, status: answer.status, error: ok ? null : `HTTP ${answer.status}` };
}

/**
 * A delivery as receivers verify it: the exact body signed with the webhook's secret, its time,
 * topic and id beside it. Real deliveries and test sends both go through here, so a test that
 * passes proves the receiver accepts the real thing.
 */
export function sendSigned(
  webhook: { url: string; secret: string },
  delivery: { body: string; topic: string; deliveryId: string; sentAt: Date },
): Promise<SendResult> {
  return sendWebhook({
    url: webhook.url,
    body: delivery.body,
    timeoutMs: webhookTimeoutMs(),
    headers: {
      'x-warroom-signature': signBody(webhook.secret, delivery.body),
      'x-warroom-timestamp': String(Math.floor(delivery.sentAt.getTime() / 1000)),
      'x-warroom-event': delivery.topic,
      'x-warroom-delivery': delivery.deliveryId,
    },
  });
}
