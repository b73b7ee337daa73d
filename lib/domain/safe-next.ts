/**
 * Where the sign-in page may send someone afterwards. `next` comes from the address bar, so it
 * is parsed the way a browser would resolve it (tabs and newlines dropped, `\` read as `/`,
 * `//host` as another host) against our own origin, and kept only when it stays there.
 * Anything else — another site, `javascript:`, a protocol-relative path — goes to `/`.
 */
export const SAFE_NEXT_FALLBACK = '/';

/** Stand-in origin: any origin of ours gives the same answer, since only paths are kept. */
const OWN_ORIGIN = 'https://warroom.invalid';

export function safeNextPath(next: unknown, origin: string = OWN_ORIGIN): string {
  if (typeof next !== 'string' || next === '') return SAFE_NEXT_FALLBACK;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return SAFE_NEXT_FALLBACK;
  }
  if (url.origin !== new URL(origin).origin) return SAFE_NEXT_FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil.example` resolves to the path `//evil.example`, which a browser would again read as
  // another host: a path must not start with two slashes.
  if (!path.startsWith('/') || path.startsWith('//')) return SAFE_NEXT_FALLBACK;
  return path;
}
