/**
 * A crowd connecting at once, measured the same way against any target (the app, the bare
 * socket.io yardstick): N sockets open in bursts (default 100 every 50 ms) from
 * BENCH_WATCHER_THREADS worker threads, each connects and subscribes to one deployment
 * (`deployment:subscribe`, acknowledged), and the time from opening to the acknowledgement is
 * recorded per socket. A socket whose connection or subscription fails or times out (20 s,
 * socket.io-client's default) counts as timed out, not as slow.
 */
import { Worker } from 'node:worker_threads';
import { cpuMs, percentile, round, type BenchResult } from './harness';
import type { StormRecord, StormReply, StormRequest, StormSetup } from './storm-thread';

export type StormTarget = { url: string; pid: number; tokens: string[]; deploymentId: string };

export type StormScenario = {
  name: string;
  sockets: number;
  burst?: number;
  everyMs?: number;
  timeoutMs?: number;
  /** socket.io-client's default (polling, then the upgrade to a WebSocket) unless set. */
  transports?: string[];
};

function ask(thread: Worker, request: StormRequest): Promise<StormReply> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => done(() => reject(error));
    const onMessage = (message: StormReply) =>
      done(() => (message.type === 'error' ? reject(new Error(message.message)) : resolve(message)));
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

export async function measureStorm(target: StormTarget, scenario: StormScenario): Promise<BenchResult> {
  const { sockets, burst = 100, everyMs = 50, timeoutMs = 20_000 } = scenario;
  const setup: StormSetup = {
    url: target.url,
    tokens: target.tokens,
    deploymentId: target.deploymentId,
    transports: scenario.transports,
  };
  const count = Number(process.env.BENCH_WATCHER_THREADS ?? 2);
  const threads = Array.from(
    { length: count },
    () => new Worker(new URL('./storm-thread-boot.mjs', import.meta.url), { workerData: setup }),
  );
  try {
    // Let the threads load before the clock starts: their start-up is not the server's.
    await Promise.all(threads.map((thread) => ask(thread, { type: 'close' })));
    const startAt = performance.timeOrigin + performance.now() + 200;
    const cpu0 = await cpuMs(target.pid);
    const records = (await Promise.all(
      threads.map((thread, t) =>
        ask(thread, {
          type: 'storm',
          indices: Array.from({ length: sockets }, (_, i) => i).filter((i) => i % count === t),
          burst,
          everyMs,
          startAt,
          timeoutMs,
        }).then((r) => (r as Extract<StormReply, { type: 'done' }>).record),
      ),
    )) as StormRecord[];
    const serverCpuMs = (await cpuMs(target.pid)) - cpu0;
    const total: number[] = [];
    const connect: number[] = [];
    const handshake: number[] = [];
    let timedOut = 0;
    let refused = 0;
    let lastAt = startAt;
    for (const r of records) {
      for (let k = 0; k < r.index.length; k++) {
        if (!Number.isNaN(r.handshaken[k])) handshake.push(r.handshaken[k] - r.opened[k]);
        if (!Number.isNaN(r.connected[k])) connect.push(r.connected[k] - r.opened[k]);
        if (r.outcome[k] === 0) {
          total.push(r.subscribed[k] - r.opened[k]);
          lastAt = Math.max(lastAt, r.subscribed[k]);
        } else if (r.outcome[k] === 1 || r.outcome[k] === 3) timedOut += 1;
        else refused += 1;
      }
    }
    total.sort((a, b) => a - b);
    connect.sort((a, b) => a - b);
    handshake.sort((a, b) => a - b);
    return {
      name: scenario.name,
      sockets,
      burst: `${burst}/${everyMs}ms`,
      subscribed: total.length,
      timedOut,
      refused,
      p50Ms: round(percentile(total, 50)),
      p99Ms: round(percentile(total, 99)),
      maxMs: round(total[total.length - 1] ?? NaN),
      // Opened → engine.io handshake → namespace connected (past the auth middleware) → subscribed.
      handshakeP50Ms: round(percentile(handshake, 50)),
      handshakeP99Ms: round(percentile(handshake, 99)),
      connectP50Ms: round(percentile(connect, 50)),
      connectP99Ms: round(percentile(connect, 99)),
      // Where the slowest sockets waited.
      handshakeMaxMs: round(handshake[handshake.length - 1] ?? NaN),
      connectMaxMs: round(connect[connect.length - 1] ?? NaN),
      // From the first burst to the last acknowledgement: how long the whole crowd took.
      allSubscribedSeconds: round((lastAt - startAt) / 1000, 2),
      serverCpuSeconds: round(serverCpuMs / 1000, 2),
    };
  } finally {
    await Promise.all(threads.map((thread) => ask(thread, { type: 'close' }).catch(() => undefined)));
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}
