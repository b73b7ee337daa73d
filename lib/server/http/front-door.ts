import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordHttpRequest } from '@/lib/server/observability/app-metrics';
import { MAX_BODY_LIMIT } from './route';

/** Up to this much of a refused body is read and thrown away, so the client sees the 413, not a reset. */
const DRAIN_LIMIT = 2 * MAX_BODY_LIMIT;

const TOO_LARGE = JSON.stringify({ error: { code: 'payload_too_large', message: 'The body is larger than any request takes (6 MB).' } });

/**
 * What server.ts does for every HTTP request before Next sees it: time it for /metrics, send
 * HSTS when the deployment says it sits behind TLS (read at run time, unlike next.config headers,
 * which are fixed at build time), leave answers to API writes uncompressed, and refuse bodies larger than any route accepts — including
 * better-auth's — before they reach a handler. Returns true when it answered the request itself.
 */
export function frontDoor(req: IncomingMessage, res: ServerResponse): boolean {
  const started = process.hrtime.bigint();
  res.once('finish', () => recordHttpRequest(req.method, req.url, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
  if (process.env.HSTS === 'true') res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  // Next gzips every answer it streams, however small (it drops a handler's Content-Length, so
  // the 1 KB threshold never applies). Answers to writes are a few hundred bytes: compressing
  // them cost a tick more CPU than the rest of its HTTP handling. Reads stay compressed.
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.url?.startsWith('/api/')) delete req.headers['accept-encoding'];
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared <= MAX_BODY_LIMIT) return false;
  const refuse = (close: boolean) => {
    if (res.headersSent) return;
    res.writeHead(413, { 'content-type': 'application/json', ...(close ? { connection: 'close' } : {}) });
    res.end(TOO_LARGE);
  };
  // Answering before the body is read makes Node drop the connection under a client still
  // sending (EPIPE / ECONNRESET on its next request): discard the body first, then answer.
  if (declared > DRAIN_LIMIT) {
    refuse(true);
    req.destroy();
    return true;
  }
  req.on('error', () => undefined);
  req.on('end', () => refuse(false));
  req.resume();
  return true;
}
