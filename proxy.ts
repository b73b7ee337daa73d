import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from '@/lib/server/http/content-security-policy.mjs';

/**
 * Every page gets a fresh nonce: Next reads it from the request's CSP header and puts it on its
 * own scripts; the root layout puts it on the theme script. API answers and static files keep
 * next.config.js's fixed policy; the files in public/ (icons, manifest, robots.txt) are served
 * as they are, to anyone, signed in or not.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV !== 'production' });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      source:
        '/((?!api/|_next/static|_next/image|favicon.svg|manifest.webmanifest|robots.txt|apple-touch-icon.png|icon-192.png|icon-512.png|icon-maskable-512.png).*)',
    },
  ],
};
