/**
 * Tick → watcher fan-out, measured the same way against any target (the app, a bare socket.io
 * server, two app processes): N socket.io watchers subscribe, ticks are sent at a fixed rate, and
 * one clock (this process) times send → delivery for every watcher. Every delivery is checked
 * by sequence number (lost, duplicated).
 */
import { io, type Socket } from 'socket.io-client';
import { cpuMs, percentile, round, rssKb, type BenchResult } from './harness';

export type FanoutTarget = {
  /** Where watchers connect: spread evenly when there are several processes. */
  socketUrls: string[];
  /** The processes whose memory and CPU are reported (summed). */
  pids: number[];
  token?: string;
  deploymentId: string;
  /** One id per tick, each ticked once; deliveries are matched by `${itemId}:2`. */
  itemIds: string[];
  /** Sends one tick; resolves with the event's seq once the server acknowledged it. */
  tick: (itemId: string) => Promise<number>;
};

export type FanoutScenario = { name: string; watchers: number; ticksPerSec: number; during?: (elapsedSec: number) => void };

type Delivered = { seq: number; data: { itemId: string; version: number } };

async function connectWatchers(target: FanoutTarget, sockets: Socket[], count: number, onEvent: (socket: number, event: Delivered, at: number) => void) {
  const batch = 100;
  for (let i = 0; i < count; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, () => new Promise<void>((resolve, reject) => {
        const index = sockets.length;
        const socket = io(target.socketUrls[index % target.socketUrls.length], { transports: ['websocket'], auth: { token: target.token }, forceNew: true, reconnection: false, timeout: 120_000 });
        sockets.push(socket);
        socket.on('deployment:event', (event: Delivered) => onEvent(index, event, performance.now()));
        socket.once('connect_error', reject);
        socket.once('connect', () => socket.emit('deployment:subscribe', { deploymentId: target.deploymentId, afterSeq: 1_000_000 }, () => resolve()));
      })),
    );
  }
}

export async function measureFanout(target: FanoutTarget, scenario: FanoutScenario): Promise<BenchResult> {
  const sum = async (read: (pid: number) => Promise<number>) => (await Promise.all(target.pids.map(read))).reduce((a, b) => a + b, 0);
  const rssBefore = await sum(rssKb);
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  const seen = Array.from({ length: scenario.watchers }, () => new Set<number>());
  let duplicated = 0;
  const onEvent = (socket: number, event: Delivered, at: number) => {
    if (seen[socket].has(event.seq)) duplicated += 1;
    seen[socket].add(event.seq);
    const start = sent.get(`${event.data.itemId}:${event.data.version}`);
    if (start !== undefined) latencies.push(at - start);
  };
  // Memory per watcher is the growth while the second half connects: the first half pays the
  // one-off costs (the young heap growing to its working size, pools, JIT) that do not scale.
  const sockets: Socket[] = [];
  const firstHalf = Math.floor(scenario.watchers / 2);
  await connectWatchers(target, sockets, firstHalf, onEvent);
  const rssHalf = await sum(rssKb);
  await connectWatchers(target, sockets, scenario.watchers - firstHalf, onEvent);
  const rssAfterConnect = await sum(rssKb);

  const interval = 1000 / scenario.ticksPerSec;
  const cpu0 = await sum(cpuMs);
  const loadCpu0 = process.cpuUsage();
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
  const serverCpuMs = (await sum(cpuMs)) - cpu0;
  const loadCpu = process.cpuUsage(loadCpu0);
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
    memoryPerWatcherKb: round((rssAfterConnect - rssHalf) / (scenario.watchers - firstHalf)),
    rssGrowthMb: round((rssAfterConnect - rssBefore) / 1024),
    // The server's CPU while ticks were sent and delivered, per tick: what one tick costs it.
    serverCpuMsPerTick: round(serverCpuMs / Math.max(seqs.length, 1), 2),
    // The load generator's own CPU per tick: on two cores, server and watchers share the machine.
    loadGeneratorCpuMsPerTick: round((loadCpu.user + loadCpu.system) / 1000 / Math.max(seqs.length, 1), 2),
  };
}
