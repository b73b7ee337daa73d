import v8 from 'node:v8';
import { PUBLIC_NAMESPACE } from '@/lib/realtime/protocol/public-events';
import { getIoServer } from '@/lib/realtime/server/io-server';
import { cpuPoolStats } from '@/lib/server/cpu-pool/pool';
import { processSingleton } from '@/lib/server/singleton';
import { Counter, Gauge, Histogram, Registry } from './registry';
import { routeLabel } from './route-label';

/**
 * The app's own metrics, one registry per process. It lives on globalThis because server.ts
 * (HTTP timing) and the route-handler bundles (events, webhooks, GET /metrics) load this module
 * separately.
 */
function create() {
  const registry = new Registry();
  const metrics = {
    registry,
    httpRequests: registry.register(
      new Counter('warroom_http_requests_total', 'HTTP requests by method, route and status code.'),
    ),
    httpDuration: registry.register(
      new Histogram(
        'warroom_http_request_duration_seconds',
        'HTTP request latency by method and route.',
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      ),
    ),
    eventsPublished: registry.register(
      new Counter('warroom_events_published_total', 'Timeline events published after commit, by type.'),
    ),
    publicBroadcasts: registry.register(
      new Counter('warroom_public_status_broadcasts_total', 'Public status snapshots sent to a room of watchers.'),
    ),
    webhookDeliveries: registry.register(
      new Counter(
        'warroom_webhook_deliveries_total',
        'Webhook delivery attempts by result (delivered, retrying, failed).',
      ),
    ),
    rateLimited: registry.register(
      new Counter('warroom_rate_limited_total', 'Writes refused by the per-user rate limit.'),
    ),
  };
  registry.register(
    new Gauge('warroom_socket_connections', 'Open socket.io connections by namespace.', () => {
      const io = getIoServer();
      if (!io) return [];
      return [
        { labels: { namespace: '/' }, value: io.of('/').sockets.size },
        { labels: { namespace: PUBLIC_NAMESPACE }, value: io.of(PUBLIC_NAMESPACE).sockets.size },
      ];
    }),
  );
  // The CPU pool (lib/server/cpu-pool): what it is doing now, and how often it said busy.
  registry.register(
    new Gauge('warroom_cpu_pool_tasks', 'CPU-pool tasks accepted and not yet answered, and those waiting.', () => {
      const stats = cpuPoolStats();
      if (!stats) return [];
      return [
        { labels: { state: 'in_flight' }, value: stats.inFlight },
        { labels: { state: 'queued' }, value: stats.queued },
      ];
    }),
  );
  registry.register(
    new Gauge('warroom_cpu_pool_refused_total', 'CPU-pool tasks refused with 503 busy since start.', () => {
      const stats = cpuPoolStats();
      return stats ? [{ value: stats.refused }] : [];
    }),
  );
  registry.register(
    new Gauge('process_resident_memory_bytes', 'Resident memory of this process.', () => [
      { value: process.memoryUsage().rss },
    ]),
  );
  registry.register(
    new Gauge('nodejs_heap_used_bytes', 'V8 heap in use.', () => [{ value: process.memoryUsage().heapUsed }]),
  );
  // The young generation (new_space) grows with traffic up to --max-semi-space-size, not with
  // connections: shown apart so a memory graph can tell the two kinds of growth apart.
  registry.register(
    new Gauge('nodejs_heap_space_resident_bytes', 'V8 heap memory resident (physically committed), by space.', () =>
      v8.getHeapSpaceStatistics().map((s) => ({ labels: { space: s.space_name }, value: s.physical_space_size })),
    ),
  );
  return metrics;
}

type AppMetrics = ReturnType<typeof create>;

export function appMetrics(): AppMetrics {
  return processSingleton('__warroomMetrics', create);
}

/** Called by server.ts when a response finishes. */
export function recordHttpRequest(
  method: string | undefined,
  url: string | undefined,
  status: number,
  seconds: number,
) {
  const metrics = appMetrics();
  const route = routeLabel(url);
  metrics.httpRequests.inc({ method: method ?? 'GET', route, status: String(status) });
  metrics.httpDuration.observe({ method: method ?? 'GET', route }, seconds);
}
