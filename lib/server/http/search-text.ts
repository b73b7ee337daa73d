import 'server-only';
import { SEARCH_MAX, parseSearchText } from '@/lib/domain/search-text';
import { AppError } from '@/lib/server/errors';

/** The API's reading of `?q=`: 400 invalid_query saying what it searches when it is unusable. */
export function searchTextOf(query: URLSearchParams, searches: string): string {
  const q = parseSearchText(query.get('q'));
  if (q === undefined)
    throw new AppError(
      'invalid_query',
      `\`q\` is part of ${searches}: at most ${SEARCH_MAX} characters, no control characters.`,
    );
  return q;
}

/**
 * Prisma's filter for "contains `q`, any case". Prisma hands `contains` to LIKE as it is, so its
 * wildcards (and the escape) are made letters here: a search for "100%" finds "100%", not all.
 */
export function containing(q: string) {
  return { contains: q.replace(/[\\%_]/g, (c) => `\\${c}`), mode: 'insensitive' as const };
}
