/**
 * Tick → watcher latency and fan-out: N socket.io watchers subscribed to one deployment, ticks
 * sent over HTTP at a fixed rate. One clock (this process) measures send → delivery for every
 * watcher; every delivery is checked by sequence number (lost, duplicated).
 */
import { io, type Socket } from 'socket.io-client';
import { itemsOf, makeDeployment, makeToken, makeUser } from '../lib/server/seed/factories';
import { benchServer, percentile, round, rssKb, type BenchResult } from './lib/harness';

type Scenario = { watchers: number; ticksPerSec: number; seconds: number };

async function connectWatchers(baseUrl: string, token: string, deploymentId: string, count: number, onEvent: (seq: number, itemKey: string, at: number) => void) {
  const sockets: Socket[] = [];
  const batch = 100;
  for (let i = 0; i < count; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, () => new Promise<void>((resolve, reject) => {
        const socket = io(baseUrl, { transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false, timeout: 120_000 });
        sockets.push(socket);
        socket.on('deployment:event', (event: { seq: number; data: { itemId: string; version: number } }) => onEvent(event.seq, `${event.data.itemId}:${event.data.version}`, performance.now()));
        socket.once('connect_error', reject);
        socket.once('connect', () => socket.emit('deployment:subscribe', { deploymentId, afterSeq: 1_000_000 }, () => resolve()));
      })),
    );
  }
  return sockets;
}

export async function runScenario(scenario: Scenario): Promise<BenchResult> {
  const server = await benchServer();
  try {
    const ic = await makeUser({ name: 'Bench IC' });
    const token = await makeToken(ic.id);
    // Enough items to tick each once per second of the run without reusing versions.
    const items: { title: string; roleKey: string; children: [] }[] = Array.from({ length: scenario.ticksPerSec * scenario.seconds }, (_, i) => ({ title: `step ${i}`, roleKey: 'ic', children: [] }));
    const deployment = await makeDeployment({
      definition: { name: 'bench', roles: [{ key: 'ic', name: 'IC', isIc: true }], phases: [{ title: 'Go', items }] },
      people: { ic: [ic.id] },
    });
    const rows = await itemsOf(deployment.id);
    const rssBefore = await rssKb(server.pid);
    const sent = new Map<string, number>();
    const latencies: number[] = [];
    const perSocket = new Map<number, Set<number>>();
    let duplicates = 0;
    let socketIndex = 0;
    const sockets = await connectWatchers(server.baseUrl, token, deployment.id, scenario.watchers, () => undefined);
    for (const socket of sockets) {
      const id = socketIndex++;
      const seen = new Set<number>();
      perSocket.set(id, seen);
      socket.off('deployment:event');
      socket.on('deployment:event', (event: { seq: number; data: { itemId: string; version: number } }) => {
        const at = performance.now();
        if (seen.has(event.seq)) duplicates += 1;
        seen.add(event.seq);
        const start = sent.get(`${event.data.itemId}:${event.data.version}`);
        if (start !== undefined) latencies.push(at - start);
      });
    }
    const rssAfterConnect = await rssKb(server.pid);
    const interval = 1000 / scenario.ticksPerSec;
    const total = rows.length;
    const t0 = performance.now();
    const pending: Promise<unknown>[] = [];
    const seqs: number[] = [];
    for (let i = 0; i < total; i++) {
      const target = t0 + i * interval;
      const wait = target - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const row = rows[i];
      sent.set(`${row.id}:2`, performance.now());
      pending.push(
        fetch(`${server.baseUrl}/api/deployments/${deployment.id}/items/${row.id}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ status: 'done', version: 1 }),
        }).then(async (r) => seqs.push(((await r.json()) as { seq: number }).seq)),
      );
    }
    await Promise.all(pending);
    const expected = seqs.length * scenario.watchers;
    const deadline = Date.now() + 15_000;
    while (latencies.length < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const elapsed = (performance.now() - t0) / 1000;
    let lost = 0;
    for (const seen of perSocket.values()) for (const seq of seqs) if (!seen.has(seq)) lost += 1;
    for (const socket of sockets) socket.disconnect();
    latencies.sort((a, b) => a - b);
    return {
      name: `tick-fanout-${scenario.watchers}w-${scenario.ticksPerSec}tps`,
      watchers: scenario.watchers,
      ticks: seqs.length,
      deliveries: latencies.length,
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      maxMs: round(latencies[latencies.length - 1] ?? NaN),
      deliveriesPerSec: Math.round(latencies.length / elapsed),
      lost,
      duplicated: duplicates,
      memoryPerWatcherKb: round((rssAfterConnect - rssBefore) / scenario.watchers),
    };
  } finally {
    await server.stop();
  }
}

export async function run(): Promise<BenchResult[]> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  return [
    await runScenario({ watchers: 1000, ticksPerSec: 20, seconds }),
    await runScenario({ watchers: Number(process.env.BENCH_BIG_WATCHERS ?? 5000), ticksPerSec: 10, seconds }),
  ];
}
