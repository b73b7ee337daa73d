/**
 * One thread of the connection-storm load generator (bench/lib/storm.ts): opens its share of a
 * crowd of sockets on a shared schedule (bursts of `burst` every `everyMs`), each with
 * socket.io-client's defaults but `forceNew` (one connection per socket, as separate browsers
 * have), and records when each was opened, connected and subscribed, on the machine's clock.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';

export type StormSetup = { url: string; tokens: string[]; deploymentId: string; transports?: string[] };
export type StormRequest =
  | { type: 'storm'; indices: number[]; burst: number; everyMs: number; startAt: number; timeoutMs: number }
  | { type: 'close' };
/** Outcome per socket: 0 subscribed, 1 connect timed out, 2 connect refused/failed, 3 subscribe refused or unanswered. */
export type StormRecord = {
  index: Int32Array;
  opened: Float64Array;
  /** The engine.io handshake done (before the namespace's middleware: who is asking). */
  handshaken: Float64Array;
  connected: Float64Array;
  subscribed: Float64Array;
  outcome: Int32Array;
};
export type StormReply =
  { type: 'done'; record: StormRecord } | { type: 'closed' } | { type: 'error'; message: string };

const setup = workerData as StormSetup;
const sockets: Socket[] = [];
/** Why connections were refused, by message: printed, since a count alone does not say. */
const reasons = new Map<string, number>();
const now = () => performance.timeOrigin + performance.now();
const reply = (message: StormReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

function open(k: number, index: number, timeoutMs: number, record: StormRecord): Promise<void> {
  return new Promise((resolve) => {
    record.index[k] = index;
    record.opened[k] = now();
    const socket = io(setup.url, {
      auth: { token: setup.tokens[index % setup.tokens.length] },
      forceNew: true,
      timeout: timeoutMs,
      ...(setup.transports ? { transports: setup.transports } : {}),
    });
    sockets.push(socket);
    socket.io.once('open', () => (record.handshaken[k] = now()));
    const settle = (outcome: number) => {
      record.outcome[k] = outcome;
      if (outcome !== 0) socket.disconnect();
      resolve();
    };
    // The first failure settles it: with reconnection on (the default) it would retry, and a
    // user whose first attempt timed out has already waited the whole timeout.
    socket.once('connect_error', (error) => {
      if (error.message !== 'timeout') reasons.set(error.message, (reasons.get(error.message) ?? 0) + 1);
      settle(error.message === 'timeout' ? 1 : 2);
    });
    socket.once('connect', () => {
      record.connected[k] = now();
      socket
        .timeout(timeoutMs)
        .emitWithAck('deployment:subscribe', { deploymentId: setup.deploymentId, afterSeq: 1_000_000 })
        .then((ack: { ok: boolean }) => {
          if (!ack.ok) return settle(3);
          record.subscribed[k] = now();
          settle(0);
        })
        .catch(() => settle(3));
    });
  });
}

async function storm(request: Extract<StormRequest, { type: 'storm' }>) {
  const n = request.indices.length;
  const record: StormRecord = {
    index: new Int32Array(n),
    opened: new Float64Array(n).fill(NaN),
    handshaken: new Float64Array(n).fill(NaN),
    connected: new Float64Array(n).fill(NaN),
    subscribed: new Float64Array(n).fill(NaN),
    outcome: new Int32Array(n),
  };
  const pending: Promise<void>[] = [];
  let k = 0;
  while (k < n) {
    const burstOf = Math.floor(request.indices[k] / request.burst);
    const wait = request.startAt + burstOf * request.everyMs - now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    for (; k < n && Math.floor(request.indices[k] / request.burst) === burstOf; k++)
      pending.push(open(k, request.indices[k], request.timeoutMs, record));
  }
  await Promise.all(pending);
  if (reasons.size > 0) console.error('storm: connections refused:', Object.fromEntries(reasons));
  reply(
    { type: 'done', record },
    Object.values(record).map((a) => a.buffer as ArrayBuffer),
  );
}

parentPort!.on('message', async (request: StormRequest) => {
  try {
    if (request.type === 'storm') await storm(request);
    else {
      for (const socket of sockets) socket.disconnect();
      sockets.length = 0;
      reply({ type: 'closed' });
    }
  } catch (error) {
    reply({ type: 'error', message: (error as Error).message });
  }
});
