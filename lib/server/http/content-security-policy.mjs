// The one Content-Security-Policy, in plain JavaScript so that next.config.js reads it too.
// Pages get it with the response's nonce (proxy.ts); API answers and static files, which the proxy
// does not see, get it without one (next.config.js), and so allow only this origin's scripts.
//
// Scripts only with this response's nonce (and what they load, 'strict-dynamic'), never inline
// without it; connections only to this origin, whose ws(s) the socket uses ('self' covers it).
// Styles keep 'unsafe-inline': React and the charts set style attributes, which carry no script.

/** @param {{ nonce?: string, dev?: boolean }} [options] */
export function contentSecurityPolicy({ nonce, dev = false } = {}) {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ''}`,
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
