/**
 * The pages' Content-Security-Policy: scripts only with this response's nonce (and what they load,
 * 'strict-dynamic'), never inline without it; connections only to this origin, whose ws(s) the
 * socket uses ('self' covers it). Styles keep 'unsafe-inline': React and the charts set style
 * attributes, which carry no script.
 */
export function pageContentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}
