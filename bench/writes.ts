/** Sustained ticks per second with no watchers: the write path alone (HTTP → transaction → event). */
import { itemsOf, makeDeployment, makeToken, makeUser } from '../lib/server/seed/factories';
import { benchServer, cpuMs, percentile, round, type BenchResult } from './lib/harness';

export async function run(): Promise<BenchResult[]> {
  const seconds = Number(process.env.BENCH_WRITE_SECONDS ?? 60);
  const concurrency = 16;
  const server = await benchServer();
  try {
    const ic = await makeUser({ name: 'Bench IC' });
    const token = await makeToken(ic.id);
    const items = Array.from({ length: 400 * seconds }, (_, i) => ({
      title: `step ${i}`,
      roleKey: 'ic',
      children: [] as [],
    }));
    const deployment = await makeDeployment({
      definition: {
        name: 'bench-writes',
        roles: [{ key: 'ic', name: 'IC', isIc: true }],
        phases: [{ title: 'Go', items }],
      },
      people: { ic: [ic.id] },
    });
    const rows = await itemsOf(deployment.id);
    let next = 0;
    let ok = 0;
    let failed = 0;
    const latencies: number[] = [];
    const stopAt = Date.now() + seconds * 1000;
    const worker = async () => {
      while (Date.now() < stopAt && next < rows.length) {
        const row = rows[next++];
        const start = performance.now();
        const response = await fetch(`${server.baseUrl}/api/deployments/${deployment.id}/items/${row.id}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ status: 'done', version: 1 }),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - start);
        if (response.ok) ok += 1;
        else failed += 1;
      }
    };
    const t0 = performance.now();
    const cpu0 = await cpuMs(server.pid);
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = (performance.now() - t0) / 1000;
    // Throughput moves with whatever else the machine runs; the server's CPU per tick does not.
    const serverCpuMsPerTick = ((await cpuMs(server.pid)) - cpu0) / Math.max(ok, 1);
    latencies.sort((a, b) => a - b);
    return [
      {
        name: 'writes-no-watchers',
        seconds: round(elapsed),
        ticks: ok,
        failed,
        ticksPerSec: round(ok / elapsed),
        p50Ms: round(percentile(latencies, 50)),
        p99Ms: round(percentile(latencies, 99)),
        serverCpuMsPerTick: round(serverCpuMsPerTick, 2),
        concurrency,
      },
    ];
  } finally {
    await server.stop();
  }
}
