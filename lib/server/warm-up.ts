import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { logger } from '@/lib/server/logger';

/**
 * What the first request of each hot route would otherwise pay — Next loading and compiling the
 * route's module, the page's server components, the token lookup's first query — paid once by
 * the server itself before its port opens (issue 15's cold first minute: `BENCH=cold-start npm run
 * bench`; the CPU pool's threads compile the runbook parser earlier, in `startCpuPool`). Each
 * request carries a token that matches nothing, so every one is refused (401/404) after its
 * module has loaded, and none of them reads or writes data. The requests go to a loopback server
 * of this process, never off the machine and never to an address a user chose, so they do not
 * pass through the egress guard (lib/server/egress).
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

/** However slow the machine, readiness waits no longer than this for the warm-up. */
const WARM_UP_MAX_MS = 5000;

/**
 * Runs the warm-up through a server of the app's own request listener on a loopback port of its
 * own, closed before the real port listens: done in the background after `ready` instead, its
 * half second of CPU landed on the first watchers' ticks (cold/warm p99 ×2.26 in one run of
 * docs/performance.md). Readiness moves by that half second.
 */
export async function warmUpBeforeListening(listener: http.RequestListener): Promise<void> {
  const loopback = http.createServer(listener);
  await new Promise<void>((resolve) => loopback.listen(0, '127.0.0.1', resolve));
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      warmUp(`http://127.0.0.1:${(loopback.address() as AddressInfo).port}`),
      new Promise((resolve) => (timer = setTimeout(resolve, WARM_UP_MAX_MS))),
    ]);
  } finally {
    clearTimeout(timer);
    loopback.closeAllConnections();
    await new Promise((resolve) => loopback.close(resolve));
  }
}
