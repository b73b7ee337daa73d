/**
 * The server restarted under a crowd (issue 15): 1 000 watchers (BENCH_RESTART_WATCHERS) on one
 * deployment, each with socket.io-client's reconnection defaults (1 s first delay, 5 s at most),
 * WebSocket like the app's client, and the app's resync rule: subscribe from the last event seen
 * on every connect, apply only the next seq, subscribe again on a gap. The server is stopped
 * (SIGTERM, as a deploy does), started again, and once it is healthy one status update is
 * posted; measured from healthy until every watcher is connected again, and until every one
 * has every event up to that update (no seq gap).
 */
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { startAppServer, stopAppServer } from '../scripts/test-env.mjs';
import { makeCrowdRoom } from './lib/crowd';
import { benchServer, percentile, round, type BenchResult } from './lib/harness';

type Event = { seq: number };
type Ack = { ok: boolean; events?: Event[]; complete?: boolean };

function watcher(url: string, token: string, deploymentId: string) {
  const state = { lastSeq: 0, connects: 0, gaps: 0, connectedAt: NaN, socket: null as unknown as Socket };
  const socket = io(url, { transports: ['websocket'], auth: { token }, forceNew: true });
  state.socket = socket;
  const subscribe = () =>
    socket.emit('deployment:subscribe', { deploymentId, afterSeq: state.lastSeq }, (ack: Ack) => {
      if (!ack.ok) return;
      for (const event of ack.events ?? []) if (event.seq === state.lastSeq + 1) state.lastSeq = event.seq;
      if (!ack.complete) subscribe();
    });
  socket.on('connect', () => {
    state.connects += 1;
    state.connectedAt = performance.now();
    subscribe();
  });
  socket.on('deployment:event', (event: Event) => {
    if (event.seq === state.lastSeq + 1) state.lastSeq = event.seq;
    else if (event.seq > state.lastSeq + 1) {
      state.gaps += 1;
      subscribe();
    }
  });
  return state;
}

async function until(done: () => boolean, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (!done() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return done();
}

export async function run(): Promise<BenchResult> {
  const count = Number(process.env.BENCH_RESTART_WATCHERS ?? 1000);
  const server = await benchServer();
  let child = server.child;
  const db = new pg.Client({ connectionString: server.databaseUrl });
  await db.connect();
  try {
    const room = await makeCrowdRoom(0);
    const seq = async () =>
      (await db.query<{ seq: number }>('SELECT "seq" FROM "Deployment" WHERE "id" = $1', [room.deploymentId])).rows[0]
        .seq;
    const post = (message: string) =>
      fetch(`${server.baseUrl}/api/deployments/${room.deploymentId}/status-updates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${room.icToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ message }),
      });
    const watchers: ReturnType<typeof watcher>[] = [];
    for (let i = 0; i < count; i += 100) {
      for (let k = 0; k < Math.min(100, count - i); k++)
        watchers.push(watcher(server.baseUrl, room.icToken, room.deploymentId));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await post('before the restart');
    const before = await seq();
    if (!(await until(() => watchers.every((w) => w.lastSeq >= before), 60_000)))
      throw new Error('the watchers did not all subscribe before the restart');

    await stopAppServer(child);
    const restarted = await startAppServer(server.env);
    child = restarted.child;
    const healthy = performance.now();
    await post('after the restart');
    const target = await seq();
    const reconnected = await until(() => watchers.every((w) => w.connects >= 2), 60_000);
    const reconnectedAt = performance.now();
    const resynced = await until(() => watchers.every((w) => w.lastSeq >= target), 60_000);
    const resyncedAt = performance.now();
    const perWatcher = watchers.map((w) => w.connectedAt - healthy).sort((a, b) => a - b);
    for (const w of watchers) w.socket.disconnect();
    return {
      name: `restart-reconnect-${count}w`,
      watchers: count,
      reconnected: watchers.filter((w) => w.connects >= 2).length,
      resynced: watchers.filter((w) => w.lastSeq >= target).length,
      // Reconnected before the server said it was healthy (it listens a moment earlier).
      earlyReconnects: perWatcher.filter((t) => t < 0).length,
      reconnectP50Ms: round(percentile(perWatcher, 50)),
      reconnectP99Ms: round(percentile(perWatcher, 99)),
      allReconnectedSeconds: reconnected ? round((reconnectedAt - healthy) / 1000, 2) : null,
      allResyncedSeconds: resynced ? round((resyncedAt - healthy) / 1000, 2) : null,
      gapsSeen: watchers.reduce((sum, w) => sum + w.gaps, 0),
    };
  } finally {
    await db.end();
    await stopAppServer(child);
    await server.stop();
  }
}
