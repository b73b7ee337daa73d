import { z } from 'zod';

/**
 * The one zod import. In the browser, zod must not compile parsers with `new Function`: the
 * pages' CSP has no 'unsafe-eval', and zod's probe for it would be reported as a violation on
 * every page. The server keeps the faster compiled parsers.
 */
if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };
