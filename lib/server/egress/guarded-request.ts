import http from 'node:http';
import https from 'node:https';
import { checkOutboundUrl } from './check-outbound-url';
import { EgressRefusedError, guardedLookup } from './guarded-lookup';

export type OutboundRequest = {
  url: string | URL;
  method?: 'GET' | 'POST' | 'PUT' | 'HEAD';
  headers?: Record<string, string>;
  body?: string;
  /** One deadline for everything: resolving, connecting, the answer and its body. */
  timeoutMs: number;
  /** The most of the answer's body read (default 64 KB). */
  maxResponseBytes?: number;
  /**
   * Keep the body (and fail with `too_large` past the cap); otherwise it is read up to the cap
   * and dropped: a receiver's answer is not ours to store.
   */
  keepBody?: boolean;
};

export type OutboundResponse = { ok: true; status: number; headers: http.IncomingHttpHeaders; body: string };
export type OutboundFailureKind =
  'refused' | 'invalid_url' | 'timeout' | 'connection_refused' | 'not_found' | 'too_large' | 'network';
/** `error` is fit to record where users read it: it never names an address a host resolved to. */
export type OutboundFailure = { ok: false; kind: OutboundFailureKind; error: string };

const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
const MB = 1024 * 1024;
const size = (bytes: number) =>
  bytes >= MB && bytes % MB === 0 ? `${bytes / MB} MB` : `${Math.round(bytes / 1024)} KB`;

function failureOf(error: unknown): OutboundFailure {
  if (error instanceof EgressRefusedError) return { ok: false, kind: 'refused', error: error.message };
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ECONNREFUSED') return { ok: false, kind: 'connection_refused', error: 'connection refused' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA')
    return { ok: false, kind: 'not_found', error: 'cannot resolve the host name' };
  // Node's socket messages name the address it tried ("connect EHOSTUNREACH 10.0.0.7:80"): keep the code only.
  return { ok: false, kind: 'network', error: code ?? String((error as Error)?.message ?? error).slice(0, 200) };
}

/**
 * The one way the server makes an HTTP(S) request on someone's say-so. The URL's literal is
 * judged first and every address its name resolves to at connect time (guardedLookup); redirects
 * are never followed (a 3xx is the answer); one deadline covers the whole exchange; the answer's
 * body is capped. Never throws: every failure is an OutboundFailure whose text may be shown.
 */
export function guardedRequest(input: OutboundRequest): Promise<OutboundResponse | OutboundFailure> {
  return new Promise((resolve) => {
    const checked = checkOutboundUrl(input.url, { stage: 'connect' });
    if (!checked.ok)
      return resolve({ ok: false, kind: checked.refusal ? 'refused' : 'invalid_url', error: checked.runtimeMessage });
    const { url } = checked;
    const maxBytes = input.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const body = input.body;
    const headers = {
      ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
      ...input.headers,
    };
    let settled = false;
    // A fresh connection per request (agent: false): nothing pooled outlives the request or is
    // reused for another host's check.
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: input.method ?? 'GET',
      headers,
      agent: false,
      lookup: guardedLookup as never,
    });
    const finish = (result: OutboundResponse | OutboundFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      request.destroy();
      resolve(result);
    };
    const deadline = setTimeout(
      () => finish({ ok: false, kind: 'timeout', error: `timed out after ${input.timeoutMs} ms` }),
      input.timeoutMs,
    );
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.byteLength;
        if (received > maxBytes) {
          if (input.keepBody) finish({ ok: false, kind: 'too_large', error: `response larger than ${size(maxBytes)}` });
          else finish({ ok: true, status, headers: response.headers, body: '' });
          return;
        }
        if (input.keepBody) chunks.push(chunk);
      });
      response.on('end', () =>
        finish({
          ok: true,
          status,
          headers: response.headers,
          body: input.keepBody ? Buffer.concat(chunks).toString('utf8') : '',
        }),
      );
      response.on('error', (error) => finish(failureOf(error)));
    });
    request.on('error', (error) => finish(failureOf(error)));
    request.end(body);
  });
}
