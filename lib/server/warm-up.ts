import { logger } from '@/lib/server/logger';

/**
 * What the first request of each hot route would otherwise pay — Next loading and compiling the
 * route's module, the page's server components, the token lookup's first query — paid once by
 * the server itself right after it is ready, in the background (issue 15's cold first minute:
 * `BENCH=cold-start npm run bench`; the CPU pool's threads compile the runbook parser earlier,
 * in `startCpuPool`). Each request carries a token that matches nothing, so every one is refused
 * (401/404) after its module has loaded, and none of them reads or writes data. The requests go
 * to this server's own loopback address, never off the machine and never to an address a user
 * chose, so they do not pass through the egress guard (lib/server/egress).
 */
const HOT_ROUTES: { method: string; path: string }[] = [
  { method: 'GET', path: '/api/me' },
  { method: 'GET', path: '/api/deployments/warm-up' },
  { method: 'GET', path: '/api/deployments/warm-up/events?after=0' },
  { method: 'PATCH', path: '/api/deployments/warm-up/items/warm-up' },
  { method: 'POST', path: '/api/deployments/warm-up/gates/warm-up/signoffs' },
  { method: 'POST', path: '/api/deployments/warm-up/status-updates' },
  { method: 'POST', path: '/api/runbooks/parse' },
  { method: 'GET', path: '/deployments/warm-up' },
  { method: 'GET', path: '/status/warm-up' },
  { method: 'GET', path: '/sign-in' },
];

/** One pass over HOT_ROUTES, one at a time (so it never competes with the first real users for more than one request). */
export async function warmUp(baseUrl: string): Promise<void> {
  const started = performance.now();
  let failed = 0;
  for (const { method, path } of HOT_ROUTES) {
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { authorization: 'Bearer warm-up', 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : '{}',
        redirect: 'manual',
      });
      await response.arrayBuffer();
    } catch {
      failed += 1;
    }
  }
  logger.info('server.warmed', { routes: HOT_ROUTES.length, failed, ms: Math.round(performance.now() - started) });
}
