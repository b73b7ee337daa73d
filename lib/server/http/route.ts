import { bearerOf, requireActor, type SignedInActor } from '@/lib/server/auth/get-actor';
import { AppError, errorBody, toAppError } from '@/lib/server/errors';
import { logger } from '@/lib/server/logger';
import type { z } from '@/lib/zod';
import { readLimited } from './read-limited';
import { limitWrites } from './write-rate-limit';

export const DEFAULT_BODY_LIMIT = 64 * 1024;
/**
 * No route takes more (a runbook imported as JSON is the largest): bigger declared bodies are
 * refused unread. Each route still applies its own, usually much smaller, limit while reading.
 */
export const MAX_BODY_LIMIT = 6 * 1024 * 1024;

export function json(data: unknown, status = 200, headers?: HeadersInit) {
  return Response.json(data, { status, headers });
}

export function errorResponse(error: unknown, request?: Request): Response {
  const appError = toAppError(error);
  if (appError.code === 'internal')
    logger.error('http.unhandled', {
      path: request ? new URL(request.url).pathname : undefined,
      error: String((error as Error)?.stack ?? error),
    });
  const retryAfter = appError.details?.retryAfterSeconds;
  return json(
    errorBody(appError),
    appError.status,
    typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : undefined,
  );
}

/** Reads the body as text within a byte limit, before anything is parsed; a NUL is refused. */
export async function readText(request: Request, limit = DEFAULT_BODY_LIMIT): Promise<string> {
  const tooLarge = () => new AppError('payload_too_large', `The body is larger than ${Math.round(limit / 1024)} KB.`);
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw tooLarge();
  const text = await readLimited(request.body, limit, tooLarge);
  refuseNul(text, JSON_TYPE.test(request.headers.get('content-type') ?? ''));
  return text;
}

/**
 * PostgreSQL keeps no NUL in text: a body carrying one (as a byte, or in JSON as `\u0000`) is
 * refused before anything reads it (422 invalid_body), rather than failing its write as a 500 —
 * every body read through readText, and the sign-in guards' look at better-auth's.
 */
export function refuseNul(text: string, json: boolean): void {
  if (text.includes('\u0000') || (json && JSON_NUL.test(text)))
    throw new AppError('invalid_body', 'Text may not contain the NUL character (\\u0000): remove it and send again.');
}

/**
 * `\u0000` as JSON writes a NUL, not itself escaped (a backslash run of odd length before
 * `u0000`; the lookbehind starts a match only where a run begins, so the scan stays linear).
 */
const JSON_NUL = /(?<!\\)(?:\\\\)*\\u0000/;

/** Parses and validates a JSON body with the boundary's zod schema: 422 with the first problem. */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  limit = DEFAULT_BODY_LIMIT,
): Promise<z.infer<S>> {
  assertJsonContentType(request);
  const text = await readText(request, limit);
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError('invalid_body', 'The body is not valid JSON.');
  }
  return validate(schema, raw);
}

/** A parsed body checked against a schema: 422 invalid_body naming the first bad field. */
export function validate<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path?.length ? `${issue.path.join('.')}: ` : '';
    throw new AppError('invalid_body', `${where}${issue?.message ?? 'invalid body'}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

/** `application/json` or a `+json` type, with any parameters (charset…). */
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * A JSON route takes only bodies that say they are JSON (415 otherwise, before anything is
 * read): a cross-site HTML form can send text/plain or form-encoded, never application/json.
 * A request without a body (and so without a Content-Type) is fine.
 */
export function assertJsonContentType(request: Request) {
  const type = request.headers.get('content-type');
  const hasBody =
    type !== null || Number(request.headers.get('content-length') ?? 0) > 0 || request.headers.has('transfer-encoding');
  if (hasBody && !JSON_TYPE.test(type ?? '')) {
    throw new AppError(
      'unsupported_media_type',
      `This route takes JSON: send Content-Type: application/json (got ${type ? JSON.stringify(type) : 'none'}).`,
    );
  }
}

/**
 * Cookie-authenticated writes must come from our own pages: a cross-site form or fetch carries
 * the cookie but not a same-origin Origin / Sec-Fetch-Site, and every browser sends at least one
 * of them with a write, so a cookie write that sends neither is not from our pages either. Token
 * requests carry no ambient credentials and pass — but only a well-formed `Bearer <token>`: any
 * other Authorization header is checked like a cookie request (and refused as unauthenticated by
 * requireActor).
 */
export function assertSameOrigin(request: Request) {
  if (bearerOf(request.headers)) return;
  const refuse = () => {
    throw new AppError('forbidden', 'Cross-site requests may not change the war room.');
  };
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') refuse();
  const origin = request.headers.get('origin');
  if (!origin) {
    // Without a cookie there is nothing ambient to ride on: it is left to requireActor (401).
    if (!site && request.headers.has('cookie')) refuse();
    return;
  }
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  // `Origin: null` (a sandboxed frame, a file) and anything malformed name no host of ours.
  if (!host || !URL.canParse(origin) || new URL(origin).host !== host) refuse();
}

type Handler<P> = (args: { request: Request; params: P; actor: SignedInActor }) => Promise<Response>;
type Context<P> = { params: Promise<P> };

/** A signed-in route: resolves the actor, guards cross-site writes, maps every error. */
export function authed<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    try {
      const writes = request.method !== 'GET' && request.method !== 'HEAD';
      if (writes) {
        assertSameOrigin(request);
        if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_LIMIT)
          throw new AppError('payload_too_large', 'The body is larger than any request takes (6 MB).');
      }
      const actor = await requireActor(request.headers);
      if (writes) await limitWrites(actor.userId);
      const params = (await context?.params) ?? ({} as P);
      return await handler({ request, params, actor });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

/** A public route (health, status page): still maps every error. */
export function open<P = Record<string, never>>(handler: (args: { request: Request; params: P }) => Promise<Response>) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    try {
      const params = (await context?.params) ?? ({} as P);
      return await handler({ request, params });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}
