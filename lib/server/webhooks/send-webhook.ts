import { createHmac } from 'node:crypto';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { isPrivateAddress, privateAllowed } from './private-address';

export type SendResult = { ok: boolean; status: number | null; error: string | null };

export const webhookTimeoutMs = () => Number(process.env.WEBHOOK_TIMEOUT_MS ?? 5000);

/** `sha256=<hex HMAC-SHA256 of the exact body bytes>`, keyed with the webhook's secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * Resolves like dns.lookup but refuses private addresses, at connect time: a name that resolved
 * to a public address when the webhook was made cannot be re-pointed at the internal network.
 */
function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback) {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const usable = privateAllowed() ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
    if (usable.length === 0) return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EPRIVATE' }), '');
    if (options.all) return callback(null, usable);
    callback(null, usable[0].address, usable[0].family);
  });
}

/**
 * One POST with a hard deadline: a hanging receiver costs at most `timeoutMs` of a background
 * slot, never a request of the war room. Redirects are not followed; only 2xx counts.
 */
export function sendWebhook(input: { url: string; body: string; headers: Record<string, string>; timeoutMs: number }): Promise<SendResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      return resolve({ ok: false, status: null, error: 'invalid URL' });
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (net.isIP(host) && isPrivateAddress(host) && !privateAllowed()) return resolve({ ok: false, status: null, error: 'private address refused' });
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'POST',
      lookup: guardedLookup as unknown as typeof dns.lookup,
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(input.body)), 'user-agent': 'WarRoom-Webhooks/1', ...input.headers },
    });
    const deadline = setTimeout(() => request.destroy(new Error(`timed out after ${input.timeoutMs} ms`)), input.timeoutMs);
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      // The body is not kept: a receiver's answer is not ours to store.
      response.resume();
      response.on('end', () => finish({ ok: status >= 200 && status < 300, status, error: status >= 200 && status < 300 ? null : `HTTP ${status}` }));
      response.on('error', (error) => finish({ ok: false, status, error: error.message.slice(0, 200) }));
    });
    request.on('error', (error) => finish({ ok: false, status: null, error: error.message.slice(0, 200) }));
    request.end(input.body);
  });
}

/**
 * A delivery as receivers verify it: the exact body signed with the webhook's secret, its time,
 * topic and id beside it. Real deliveries and test sends both go through here, so a test that
 * passes proves the receiver accepts the real thing.
 */
export function sendSigned(webhook: { url: string; secret: string }, delivery: { body: string; topic: string; deliveryId: string; sentAt: Date }): Promise<SendResult> {
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
