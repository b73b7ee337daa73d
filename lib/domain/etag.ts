/**
 * Conditional GETs for the feed, calendar and badge (RFC 9110 §13.1.2): a feed reader or an image
 * proxy that already holds the current version gets `304 Not Modified` and no body.
 */

/** Whether an `If-None-Match` header names this entity tag (weak comparison, as GET uses). */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}
