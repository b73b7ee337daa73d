/**
 * Public status page at scale: 2 000 share-link watchers on one deployment (the `/public`
 * namespace, no cookie) while the IC ticks items. Measures tick → snapshot-on-every-watcher
 * latency (p50/p99, one clock: this process) and the server's memory per connected watcher.
 * Ticks are 1 s apart, above the 500 ms snapshot interval, so each tick gets its own snapshot.
 */
import { io, type Socket } from 'socket.io-client';
import { itemsOf, makeDeployment, makeToken, makeUser } from '../lib/server/seed/factories';
import { benchServer, percentile, round, rssKb, type BenchResult } from './lib/harness';

type Arrival = { seq: number; at: number };

async function connectWatchers(baseUrl: string, token: string, count: number) {
  const sockets: Socket[] = [];
  const arrivals: Arrival[][] = [];
  for (let i = 0; i < count; i += 100) {
    await Promise.all(
      Array.from(
        { length: Math.min(100, count - i) },
        () =>
          new Promise<void>((resolve, reject) => {
            const socket = io(`${baseUrl}/public`, {
              path: '/socket.io',
              transports: ['websocket'],
              auth: { token },
              forceNew: true,
              reconnection: false,
              timeout: 120_000,
            });
            const mine: Arrival[] = [];
            sockets.push(socket);
            arrivals.push(mine);
            socket.on('status:update', (status: { seq: number }) =>
              mine.push({ seq: status.seq, at: performance.now() }),
            );
            socket.once('connect_error', reject);
            // Connected and holding the first snapshot: a watcher that is really watching.
            socket.once('status:update', () => resolve());
          }),
      ),
    );
  }
  return { sockets, arrivals };
}

export async function runStatusWatchers(watchers: number, ticks: number): Promise<BenchResult> {
  const server = await benchServer();
  try {
    const ic = await makeUser({ name: 'Bench IC' });
    const token = await makeToken(ic.id);
    const items = Array.from({ length: ticks }, (_, i) => ({ title: `step ${i}`, roleKey: 'ic', children: [] }));
    const deployment = await makeDeployment({
      definition: {
        name: 'bench',
        roles: [{ key: 'ic', name: 'IC', isIc: true }],
        phases: [{ title: 'Go', plannedDurationMin: 30, items }],
      },
      people: { ic: [ic.id] },
    });
    const rows = await itemsOf(deployment.id);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const link = (await (
      await fetch(`${server.baseUrl}/api/deployments/${deployment.id}/share-links`, {
        method: 'POST',
        headers: auth,
        body: '{}',
      })
    ).json()) as { token: string };

    const rssBefore = await rssKb(server.pid);
    const connectStart = performance.now();
    const { sockets, arrivals } = await connectWatchers(server.baseUrl, link.token, watchers);
    const connectSeconds = (performance.now() - connectStart) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rssAfter = await rssKb(server.pid);

    const sent: { seq: number; at: number }[] = [];
    for (const row of rows) {
      const at = performance.now();
      const response = await fetch(`${server.baseUrl}/api/deployments/${deployment.id}/items/${row.id}`, {
        method: 'PATCH',
        headers: auth,
        body: JSON.stringify({ status: 'done', version: row.version }),
      });
      sent.push({ seq: ((await response.json()) as { seq: number }).seq, at });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (performance.now() - at))));
    }
    const last = sent[sent.length - 1].seq;
    const deadline = Date.now() + 15_000;
    while (arrivals.some((a) => (a[a.length - 1]?.seq ?? 0) < last) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));

    const latencies: number[] = [];
    let lost = 0;
    for (const mine of arrivals) {
      for (const tick of sent) {
        const seenAt = mine.find((a) => a.seq >= tick.seq && a.at >= tick.at);
        if (seenAt) latencies.push(seenAt.at - tick.at);
        else lost += 1;
      }
    }
    for (const socket of sockets) socket.disconnect();
    latencies.sort((a, b) => a - b);
    return {
      name: `status-watchers-${watchers}w`,
      watchers,
      ticks: sent.length,
      deliveries: latencies.length,
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      maxMs: round(latencies[latencies.length - 1] ?? NaN),
      lost,
      connectSeconds: round(connectSeconds),
      memoryPerWatcherKb: round((rssAfter - rssBefore) / watchers),
      serverRssMb: round(rssAfter / 1024),
    };
  } finally {
    await server.stop();
  }
}

export async function run(): Promise<BenchResult> {
  return runStatusWatchers(
    Number(process.env.BENCH_STATUS_WATCHERS ?? 2000),
    Number(process.env.BENCH_STATUS_TICKS ?? 15),
  );
}
