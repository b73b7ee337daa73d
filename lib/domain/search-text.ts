/** The longest search a search box takes; the API refuses longer with 400 invalid_query. */
export const SEARCH_MAX = 100;

/**
 * `?q=` as a person typed it, trimmed; blank is no search. Undefined when it could name nothing:
 * longer than SEARCH_MAX or holding control characters (a NUL never gets this far: the front door
 * refuses it).
 */
export function parseSearchText(raw: string | null | undefined): string | undefined {
  const q = (raw ?? '').trim();
  if (q.length > SEARCH_MAX || /[\u0000-\u001f\u007f]/.test(q)) return undefined;
  return q;
}
