/**
 * Tick → watcher fan-out, measured the same way against any target (the app, a bare socket.io
 * server, two app processes): N socket.io watchers subscribe, ticks are sent at a fixed rate, and
 * one clock (this process) times send → delivery for every watcher. Every delivery is checked
 * by sequence number (lost, duplicated).
 */
import { io, type Socket } from 'socket.io-client';
import { percentile, round, rssKb, type BenchResult } from './harness';

export type FanoutTarget = {
  /** Where watchers connect. */
  socketUrl: string;
  /** The process whose memory per watcher is reported. */
  pid: number;
  token?: string;
  deploymentId: string;
  /** One id per tick, each ticked once; deliveries are matched by `${itemId}:2`. */
  itemIds: string[];
  /** Sends one tick; resolves with the event's seq once the server acknowledged it. */
  tick: (itemId: string) => Promise<number>;
};

export type FanoutScenario = { name: string; watchers: number; ticksPerSec: number; during?: (elapsedSec: number) => void };

type Delivered = { seq: number; data: { itemId: string; version: number } };

async function connectWatchers(target: FanoutTarget, count: number, onEvent: (socket: number, event: Delivered, at: number) => void) {
  const sockets: Socket[] = [];
  const batch = 100;
  for (let i = 0; i < count; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, () => new Promise<void>((resolve, reject) => {
        const index = sockets.length;
        const socket = io(target.socketUrl, { transports: ['websocket'], auth: { token: target.token }, forceNew: true, reconnection: false, timeout: 120_000 });
        sockets.push(socket);
        socket.on('deployment:event', (event: Delivered) => onEvent(index, event, performance.now()));
        socket.once('connect_error', reject);
        socket.once('connect', () => socket.emit('deployment:subscribe', { deploymentId: target.deploymentId, afterSeq: 1_000_000 }, () => resolve()));
      })),
    );
  }
  return sockets;
}

export async function measureFanout(target: FanoutTarget, scenario: FanoutScenario): Promise<BenchResult> {
  const rssBefore = await rssKb(target.pid);
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  const seen = Array.from({ length: scenario.watchers }, () => new Set<number>());
  let duplicated = 0;
  const sockets = await connectWatchers(target, scenario.watchers, (socket, event, at) => {
    if (seen[socket].has(event.seq)) duplicated += 1;
    seen[socket].add(event.seq);
    const start = sent.get(`${event.data.itemId}:${event.data.version}`);
    if (start !== undefined) latencies.push(at - start);
  });
  const rssAfterConnect = await rssKb(target.pid);

  const interval = 1000 / scenario.ticksPerSec;
  const t0 = performance.now();
  const pending: Promise<unknown>[] = [];
  const seqs: number[] = [];
  let lastSecond = -1;
  for (let i = 0; i < target.itemIds.length; i++) {
    const wait = t0 + i * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const second = Math.floor((performance.now() - t0) / 1000);
    if (second !== lastSecond) scenario.during?.((lastSecond = second));
    const itemId = target.itemIds[i];
    sent.set(`${itemId}:2`, performance.now());
    pending.push(target.tick(itemId).then((seq) => seqs.push(seq)));
  }
  await Promise.all(pending);
  const expected = seqs.length * scenario.watchers;
  const deadline = Date.now() + 15_000;
  while (latencies.length < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const elapsed = (performance.now() - t0) / 1000;
  let lost = 0;
  for (const set of seen) for (const seq of seqs) if (!set.has(seq)) lost += 1;
  for (const socket of sockets) socket.disconnect();
  latencies.sort((a, b) => a - b);
  return {
    name: scenario.name,
    watchers: scenario.watchers,
    ticks: seqs.length,
    deliveries: latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1] ?? NaN),
    deliveriesPerSec: Math.round(latencies.length / elapsed),
    lost,
    duplicated,
    memoryPerWatcherKb: round((rssAfterConnect - rssBefore) / scenario.watchers),
  };
}
