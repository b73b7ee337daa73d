/** A query parameter's value; empty, null and undefined say nothing and are left out. */
type Param = string | number | null | undefined;

/**
 * `path?a=1&b=2` with only the parameters that say something (a default is passed as undefined),
 * or `path` alone: the one way our pages and hooks write an address with a query.
 */
export function withQuery(path: string, params: Record<string, Param>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  return query.size ? `${path}?${query}` : path;
}
