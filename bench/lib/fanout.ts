/**
 * Tick → watcher fan-out, measured the same way against any target (the app, a bare socket.io
 * server, two app processes): N socket.io watchers subscribe, ticks are sent at a fixed rate, and
 * one clock times send → delivery for every watcher. The watchers live in BENCH_WATCHER_THREADS
 * worker threads of this process (default 2), so receiving is not held to one core; every thread
 * stamps with the machine's clock (timeOrigin + now). Every delivery is checked by sequence
 * number (lost, duplicated).
 */
import { Worker } from 'node:worker_threads';
import { cpuMs, percentile, round, rssKb, youngGenerationKb, type BenchResult } from './harness';
import type { Recorded, ThreadReply, ThreadRequest, ThreadSetup } from './watcher-thread';

export type FanoutTarget = {
  /** Where watchers connect: spread evenly when there are several processes. */
  socketUrls: string[];
  /** The processes whose memory and CPU are reported (summed). */
  pids: number[];
  /** Their /metrics, when they have one: the young generation is read there (see youngGenerationKb). */
  metricsUrls?: string[];
  token?: string;
  deploymentId: string;
  /** One id per tick, each ticked once; deliveries are matched by `${itemId}:2`. */
  itemIds: string[];
  /** Sends one tick; resolves with the event's seq once the server acknowledged it. */
  tick: (itemId: string) => Promise<number>;
};

/** How long each fan-out scenario sends ticks: a p99 over 10 s is set by its slowest one or two ticks; 30 s steadies it. */
export const fanoutSeconds = () => Number(process.env.BENCH_SECONDS ?? 30);

export type FanoutScenario = {
  name: string;
  watchers: number;
  ticksPerSec: number;
  during?: (elapsedSec: number) => void;
};

/** The watchers, spread over a few threads of this process so receiving is not one core's work. */
class WatcherThreads {
  private readonly threads: Worker[];
  private next = 0;

  constructor(target: FanoutTarget, count: number) {
    const setup: ThreadSetup = {
      socketUrls: target.socketUrls,
      token: target.token,
      deploymentId: target.deploymentId,
      itemIds: target.itemIds,
    };
    this.threads = Array.from(
      { length: count },
      () => new Worker(new URL('./watcher-thread-boot.mjs', import.meta.url), { workerData: setup }),
    );
  }

  private ask<T extends ThreadReply['type']>(
    thread: Worker,
    request: ThreadRequest,
    answer: T,
  ): Promise<Extract<ThreadReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      // A thread that died (a load error, say) must fail the benchmark, not hang it.
      const onError = (error: Error) => done(() => reject(error));
      const onMessage = (message: ThreadReply) => {
        if (message.type === 'error') done(() => reject(new Error(message.message)));
        else if (message.type === answer) done(() => resolve(message as Extract<ThreadReply, { type: T }>));
      };
      // Asked every 50 ms while waiting for deliveries: each answer takes its listeners with it.
      const done = (settle: () => void) => {
        thread.off('message', onMessage);
        thread.off('error', onError);
        settle();
      };
      thread.on('message', onMessage);
      thread.on('error', onError);
      thread.postMessage(request);
    });
  }

  /** Connects `count` more watchers, shared evenly between the threads. */
  async connect(count: number) {
    const share = Math.ceil(count / this.threads.length);
    await Promise.all(
      this.threads.map((thread, t) => {
        const mine = Math.max(0, Math.min(share, count - t * share));
        const firstIndex = this.next + t * share;
        return mine ? this.ask(thread, { type: 'connect', firstIndex, count: mine }, 'connected') : undefined;
      }),
    );
    this.next += count;
  }

  async delivered(): Promise<number> {
    const counts = await Promise.all(this.threads.map((thread) => this.ask(thread, { type: 'count' }, 'count')));
    return counts.reduce((sum, c) => sum + c.delivered, 0);
  }

  async stop(): Promise<Recorded[]> {
    const recorded = await Promise.all(this.threads.map((thread) => this.ask(thread, { type: 'stop' }, 'recorded')));
    await Promise.all(this.threads.map((thread) => thread.terminate()));
    return recorded.map((r) => r.recorded);
  }
}

export async function measureFanout(target: FanoutTarget, scenario: FanoutScenario): Promise<BenchResult> {
  const sum = async (read: (pid: number) => Promise<number>) =>
    (await Promise.all(target.pids.map(read))).reduce((a, b) => a + b, 0);
  const now = () => performance.timeOrigin + performance.now();
  // What grows with watchers: resident memory less the young generation, which grows with the
  // allocation rate (up to --max-semi-space-size), not with connections.
  const young = async () =>
    (await Promise.all((target.metricsUrls ?? []).map(youngGenerationKb))).reduce((a, b) => a + b, 0);
  const footprint = async () => (await sum(rssKb)) - (await young());
  const rssBefore = await sum(rssKb);
  const watchers = new WatcherThreads(target, Number(process.env.BENCH_WATCHER_THREADS ?? 2));
  // Memory per watcher is the growth while the second half connects: the first half pays the
  // one-off costs (pools, JIT) that do not scale.
  const firstHalf = Math.floor(scenario.watchers / 2);
  await watchers.connect(firstHalf);
  const footprintHalf = await footprint();
  await watchers.connect(scenario.watchers - firstHalf);
  const footprintAfterConnect = await footprint();
  const rssAfterConnect = await sum(rssKb);

  const interval = 1000 / scenario.ticksPerSec;
  const cpu0 = await sum(cpuMs);
  const loadCpu0 = process.cpuUsage();
  const t0 = performance.now();
  const sentAt = new Float64Array(target.itemIds.length).fill(NaN);
  const pending: Promise<unknown>[] = [];
  const seqs: number[] = [];
  // How long the server took to answer each tick. A slow tail here alone is the write path (the
  // database); one that matches the delivery tail is the event loop, still busy fanning out.
  const acks: number[] = [];
  let lastSecond = -1;
  for (let i = 0; i < target.itemIds.length; i++) {
    const wait = t0 + i * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const second = Math.floor((performance.now() - t0) / 1000);
    if (second !== lastSecond) scenario.during?.((lastSecond = second));
    const sent = (sentAt[i] = now());
    pending.push(
      target.tick(target.itemIds[i]).then((seq) => {
        acks.push(now() - sent);
        seqs.push(seq);
      }),
    );
  }
  await Promise.all(pending);
  const expected = seqs.length * scenario.watchers;
  const deadline = Date.now() + 15_000;
  let delivered = await watchers.delivered();
  while (delivered < expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    delivered = await watchers.delivered();
  }
  const elapsed = (performance.now() - t0) / 1000;
  const serverCpuMs = (await sum(cpuMs)) - cpu0;
  const loadCpu = process.cpuUsage(loadCpu0);

  // Every delivery checked by sequence number, per watcher; latency from the tick's send.
  const latencies: number[] = [];
  const seen = new Map<number, Set<number>>();
  let duplicated = 0;
  for (const r of await watchers.stop()) {
    for (let k = 0; k < r.at.length; k++) {
      const mine = seen.get(r.socket[k]) ?? new Set<number>();
      if (mine.has(r.seq[k])) duplicated += 1;
      mine.add(r.seq[k]);
      seen.set(r.socket[k], mine);
      if (r.item[k] >= 0 && r.version[k] === 2) latencies.push(r.at[k] - sentAt[r.item[k]]);
    }
  }
  let lost = 0;
  for (let socket = 0; socket < scenario.watchers; socket++)
    for (const seq of seqs) if (!seen.get(socket)?.has(seq)) lost += 1;
  latencies.sort((a, b) => a - b);
  acks.sort((a, b) => a - b);
  return {
    name: scenario.name,
    watchers: scenario.watchers,
    ticks: seqs.length,
    deliveries: latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1] ?? NaN),
    ackP99Ms: round(percentile(acks, 99)),
    ackMaxMs: round(acks[acks.length - 1] ?? NaN),
    deliveriesPerSec: Math.round(latencies.length / elapsed),
    lost,
    duplicated,
    memoryPerWatcherKb: round((footprintAfterConnect - footprintHalf) / (scenario.watchers - firstHalf)),
    rssGrowthMb: round((rssAfterConnect - rssBefore) / 1024),
    youngGenerationMb: target.metricsUrls ? round((await young()) / 1024) : null,
    // The server's CPU while ticks were sent and delivered, per tick: what one tick costs it.
    serverCpuMsPerTick: round(serverCpuMs / Math.max(seqs.length, 1), 2),
    // The load generator's own CPU per tick: on two cores, server and watchers share the machine.
    loadGeneratorCpuMsPerTick: round((loadCpu.user + loadCpu.system) / 1000 / Math.max(seqs.length, 1), 2),
  };
}
