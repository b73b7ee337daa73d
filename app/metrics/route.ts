import { safeEqual } from '@/lib/server/auth/tokens';
import { env } from '@/lib/server/env';
import { AppError } from '@/lib/server/errors';
import { open } from '@/lib/server/http/route';
import { appMetrics } from '@/lib/server/observability/app-metrics';

export const dynamic = 'force-dynamic';

/**
 * Prometheus scrape endpoint. Open by default (it holds counts, never data); with METRICS_TOKEN
 * set, the scraper must send it as a bearer token.
 */
export const GET = open(async ({ request }) => {
  const required = env().METRICS_TOKEN;
  if (required) {
    const given = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]?.trim() ?? '';
    if (!safeEqual(given, required)) throw new AppError('unauthenticated', 'Send the metrics token as a bearer token.');
  }
  return new Response(appMetrics().registry.render(), {
    headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' },
  });
});
