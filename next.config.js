// @ts-check
import { contentSecurityPolicy } from './lib/server/http/content-security-policy.mjs';

const isProd = process.env.NODE_ENV === 'production';

// Pages get the policy with a per-request nonce from proxy.ts; API answers and static files,
// which the proxy does not see, get it here without one.
const csp = contentSecurityPolicy({ dev: !isProd });

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Types are checked once, by `npm test`'s typecheck step (`next typegen`, then `tsc --noEmit`,
  // which reads the route types typegen writes): the build's own pass repeated it, ~20 s of every
  // build and of a new user's first `npm start`.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
    'pg',
    '@prisma/adapter-pg',
    'socket.io',
    'better-auth',
    // Loaded from node_modules at run time: its workers start lib/server/cpu-pool/worker.mjs by path.
    'piscina',
  ],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
          // HSTS is sent by server.ts (lib/server/http/front-door.ts): these headers are fixed at build time, HSTS=true is read at run time.
        ],
      },
      ...['/api/:path*', '/_next/:path*'].map((source) => ({
        source,
        headers: [{ key: 'Content-Security-Policy', value: csp }],
      })),
      // Public status links carry their token in the URL: never in a Referer, never in a search index.
      // The same for the link's feed, calendar and badge (/status/:token/feed.atom…), and for
      // invitation links, whose token makes an account.
      ...['/status/:token', '/status/:token/:file', '/api/status/:token', '/invite/:token'].map((source) => ({
        source,
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      })),
    ];
  },
};

export default nextConfig;
