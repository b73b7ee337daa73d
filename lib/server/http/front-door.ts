import type { IncomingMessage, ServerResponse } from 'node:http';
import { env } from '@/lib/server/env';
import { recordHttpRequest } from '@/lib/server/observability/app-metrics';
import { MAX_BODY_LIMIT } from './route';

/** Up to this much of a refused body is read and thrown away, so the client sees the 413, not a reset. */
const DRAIN_LIMIT = 2 * MAX_BODY_LIMIT;

const TOO_LARGE = JSON.stringify({
  error: { code: 'payload_too_large', message: 'The body is larger than any request takes (6 MB).' },
});

/**
 * What server.ts does for every HTTP request before Next sees it: time it for /metrics, send
 * HSTS when the deployment says it sits behind TLS (read at run time, unlike next.config headers,
 * which are fixed at build time), leave answers to API writes uncompressed, and refuse bodies
 * larger than any route accepts — including better-auth's — before they reach a handler, whether
 * the sender declared the length or streamed it in chunks. Calls `pass` when Next should answer.
 */
export function frontDoor(req: IncomingMessage, res: ServerResponse, pass: () => void): void {
  const started = process.hrtime.bigint();
  res.once('finish', () =>
    recordHttpRequest(req.method, req.url, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9),
  );
  if (env().HSTS) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  // Next gzips every answer it streams, however small (it drops a handler's Content-Length, so
  // the 1 KB threshold never applies). Answers to writes are a few hundred bytes: compressing
  // them cost a tick more CPU than the rest of its HTTP handling. Reads stay compressed.
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.url?.startsWith('/api/'))
    delete req.headers['accept-encoding'];
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] !== undefined)
    return holdStreamedBody(req, res, pass);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared <= MAX_BODY_LIMIT) return pass();
  // Answering before the body is read makes Node drop the connection under a client still
  // sending (EPIPE / ECONNRESET on its next request): discard the body first, then answer.
  if (declared > DRAIN_LIMIT) {
    refuse(res, true);
    req.destroy();
    return;
  }
  req.on('error', () => undefined);
  req.on('end', () => refuse(res, false));
  req.resume();
}

function refuse(res: ServerResponse, close: boolean) {
  if (res.headersSent) return;
  res.writeHead(413, { 'content-type': 'application/json', ...(close ? { connection: 'close' } : {}) });
  res.end(TOO_LARGE);
}

/**
 * A body without a declared length (chunked) is held back from the handler until it is whole:
 * Node's HTTP parser hands each chunk to `req.push`, so counting there sees every byte before any
 * reader does. Within the cap, the chunks are replayed and Next reads the body as sent; past it,
 * nothing reaches a handler and the sender gets the 413 (after the body, or at once past the
 * drain limit).
 */
function holdStreamedBody(req: IncomingMessage, res: ServerResponse, pass: () => void) {
  const push = req.push.bind(req);
  const held: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('error', () => undefined);
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (chunk === null) {
      req.push = push;
      if (refused) {
        refuse(res, false);
        return push(null);
      }
      for (const piece of held) push(piece);
      held.length = 0;
      const ended = push(null);
      pass();
      return ended;
    }
    if (refused) return true;
    size += chunk.byteLength;
    if (size > MAX_BODY_LIMIT) {
      refused = true;
      held.length = 0;
      if (size > DRAIN_LIMIT) {
        refuse(res, true);
        req.destroy();
      }
      return true;
    }
    held.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
    return true;
  };
}
