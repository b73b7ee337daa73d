import { createHash } from 'node:crypto';
import { matchesIfNoneMatch } from '@/lib/domain/etag';

/**
 * A GET answered with an entity tag (a hash of the body): a client that sends it back in
 * `If-None-Match` gets `304 Not Modified` without the body. Feed readers poll, calendars poll and
 * image proxies revalidate: most of their requests end here.
 */
export function conditionalResponse(request: Request, body: string, headers: Record<string, string>): Response {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const all: Record<string, string> = { ...headers, ETag: etag };
  if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) {
    // A 304 carries the validators and caching headers, not the body's type.
    delete all['Content-Type'];
    return new Response(null, { status: 304, headers: all });
  }
  return new Response(body, { status: 200, headers: all });
}
