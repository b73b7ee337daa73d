import type { IncomingMessage, ServerResponse } from 'node:http';
import { env } from '@/lib/server/env';
import { AppError, errorBody } from '@/lib/server/errors';
import { recordHttpRequest } from '@/lib/server/observability/app-metrics';
import { MAX_BODY_LIMIT } from './route';

/** Up to this much of a refused body is read and thrown away, so the client sees the 413, not a reset. */
const DRAIN_LIMIT = 2 * MAX_BODY_LIMIT;

const TOO_LARGE = JSON.stringify({
  error: { code: 'payload_too_large', message: 'The body is larger than any request takes (6 MB).' },
});

const NUL_IN_URL = JSON.stringify(
  errorBody(new AppError('invalid_url', 'The address holds a NUL character (%00), which names nothing here.')),
);

/** A NUL in the path or query, raw or as %00 (PostgreSQL keeps none in text: a lookup of it failed as a 500). */
const NUL_URL = /%00|\u0000/i;

/**
 * What server.ts does for every HTTP request before Next sees it: time it for /metrics, send
 * HSTS when the deployment says it sits behind TLS (read at run time, unlike next.config headers,
 * which are fixed at build time), refuse an address holding a NUL, leave answers to API writes
 * uncompressed, and refuse bodies larger than any route accepts — including better-auth's —
 * before they reach a handler, whether the sender declared the length or streamed it in chunks.
 * Calls `pass` when Next should answer.
 */
export function frontDoor(req: IncomingMessage, res: ServerResponse, pass: () => void): void {
  const started = process.hrtime.bigint();
  res.once('finish', () =>
    recordHttpRequest(req.method, req.url, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9),
  );
  if (env().HSTS) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  // Every id, token and query value reaches the database as text: one that holds a NUL names
  // nothing, for pages, API routes and better-auth alike.
  if (NUL_URL.test(req.url ?? '')) return answerUnread(req, res, 400, NUL_IN_URL);
  // Next gzips every answer it streams, however small (it drops a handler's Content-Length, so
  // the 1 KB threshold never applies). Answers to writes are a few hundred bytes: compressing
  // them cost a tick more CPU than the rest of its HTTP handling. Reads stay compressed.
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.url?.startsWith('/api/'))
    delete req.headers['accept-encoding'];
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] !== undefined)
    return holdStreamedBody(req, res, pass);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared <= MAX_BODY_LIMIT) return pass();
  answerUnread(req, res, 413, TOO_LARGE);
}

/**
 * Answers without handing the request on. Answering before the body is read makes Node drop the
 * connection under a client still sending (EPIPE / ECONNRESET on its next request): the body is
 * discarded first, then answered — at once, closing, when it is streamed or too large to drain.
 */
function answerUnread(req: IncomingMessage, res: ServerResponse, status: number, body: string) {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > DRAIN_LIMIT || (req.headers['content-length'] === undefined && req.headers['transfer-encoding'])) {
    answer(res, status, body, true);
    req.destroy();
    return;
  }
  req.on('error', () => undefined);
  req.on('end', () => answer(res, status, body, false));
  req.resume();
}

function answer(res: ServerResponse, status: number, body: string, close: boolean) {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', ...(close ? { connection: 'close' } : {}) });
  res.end(body);
}

function refuse(res: ServerResponse, close: boolean) {
  answer(res, 413, TOO_LARGE, close);
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
