/**
 * Streams fresh samples to open charts. Samples are not events: they go out volatile (a client that
 * misses one only draws a slightly thinner line, and reloads the full data over HTTP), and batched —
 * per deployment at most one batch a second, holding the newest point of each series — so a script
 * pushing 5 000 samples at once or a 10 Hz exporter cannot flood a thousand watching browsers.
 */

import type { MetricPoint } from '@/lib/realtime/protocol/events';
import { publishMetrics } from '@/lib/realtime/server/publish';
import { processSingleton } from '@/lib/server/singleton';

export const LIVE_BATCH_INTERVAL_MS = 1000;

type Pending = { points: Map<string, MetricPoint>; timer: NodeJS.Timeout | null; lastFlush: number };

// One batcher per process, shared by the route-handler bundle and the background workers.
function pendingByDeployment(): Map<string, Pending> {
  return processSingleton('__warroomMetricStream', () => new Map<string, Pending>());
}

function flush(deploymentId: string) {
  const all = pendingByDeployment();
  const pending = all.get(deploymentId);
  if (!pending) return;
  pending.timer = null;
  if (pending.points.size === 0) {
    all.delete(deploymentId);
    return;
  }
  const points = [...pending.points.values()];
  pending.points.clear();
  pending.lastFlush = Date.now();
  publishMetrics({ deploymentId, points });
}

/** Queues the newest point of each series; sends at most one batch per deployment per second. */
export function streamSamples(deploymentId: string, samples: readonly MetricPoint[]) {
  if (samples.length === 0) return;
  const all = pendingByDeployment();
  let pending = all.get(deploymentId);
  if (!pending) {
    pending = { points: new Map(), timer: null, lastFlush: 0 };
    all.set(deploymentId, pending);
  }
  for (const sample of samples) {
    const current = pending.points.get(sample.series);
    if (!current || sample.ts >= current.ts)
      pending.points.set(sample.series, { series: sample.series, ts: sample.ts, value: sample.value });
  }
  if (pending.timer) return;
  const wait = Math.max(0, pending.lastFlush + LIVE_BATCH_INTERVAL_MS - Date.now());
  pending.timer = setTimeout(() => flush(deploymentId), wait);
  pending.timer.unref?.();
}
