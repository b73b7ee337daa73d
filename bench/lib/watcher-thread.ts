/**
 * One thread of the load generator: connects its share of the watchers and records every
 * delivery (which watcher, seq, item, version, when — on the machine's clock, the same one the
 * main thread stamps sends with). See bench/lib/fanout.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';

export type ThreadSetup = { socketUrls: string[]; token?: string; deploymentId: string; itemIds: string[] };
export type ThreadRequest =
  { type: 'connect'; firstIndex: number; count: number } | { type: 'count' } | { type: 'stop' };
export type Recorded = { socket: Int32Array; seq: Int32Array; item: Int32Array; version: Int32Array; at: Float64Array };
export type ThreadReply =
  | { type: 'connected' }
  | { type: 'count'; delivered: number }
  | { type: 'recorded'; recorded: Recorded }
  | { type: 'error'; message: string };

type Delivered = { seq: number; data: { itemId: string; version: number } };

const setup = workerData as ThreadSetup;
const itemIndex = new Map(setup.itemIds.map((id, i) => [id, i]));
const sockets: Socket[] = [];
const log = {
  socket: [] as number[],
  seq: [] as number[],
  item: [] as number[],
  version: [] as number[],
  at: [] as number[],
};
const now = () => performance.timeOrigin + performance.now();
const reply = (message: ThreadReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

function connect(index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = io(setup.socketUrls[index % setup.socketUrls.length], {
      transports: ['websocket'],
      auth: { token: setup.token },
      forceNew: true,
      reconnection: false,
      timeout: 120_000,
    });
    sockets.push(socket);
    socket.on('deployment:event', (event: Delivered) => {
      log.at.push(now());
      log.socket.push(index);
      log.seq.push(event.seq);
      log.item.push(itemIndex.get(event.data.itemId) ?? -1);
      log.version.push(event.data.version);
    });
    socket.once('connect_error', reject);
    socket.once('connect', () =>
      socket.emit('deployment:subscribe', { deploymentId: setup.deploymentId, afterSeq: 1_000_000 }, () => resolve()),
    );
  });
}

parentPort!.on('message', async (request: ThreadRequest) => {
  try {
    if (request.type === 'connect') {
      for (let i = 0; i < request.count; i += 100) {
        const batch = Math.min(100, request.count - i);
        await Promise.all(Array.from({ length: batch }, (_, k) => connect(request.firstIndex + i + k)));
      }
      reply({ type: 'connected' });
    } else if (request.type === 'count') {
      reply({ type: 'count', delivered: log.at.length });
    } else {
      for (const socket of sockets) socket.disconnect();
      const recorded: Recorded = {
        socket: Int32Array.from(log.socket),
        seq: Int32Array.from(log.seq),
        item: Int32Array.from(log.item),
        version: Int32Array.from(log.version),
        at: Float64Array.from(log.at),
      };
      reply(
        { type: 'recorded', recorded },
        Object.values(recorded).map((a) => a.buffer as ArrayBuffer),
      );
    }
  } catch (error) {
    reply({ type: 'error', message: (error as Error).message });
  }
});
