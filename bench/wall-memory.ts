/**
 * Does the wall run for days? The public wall (/status/:token/wall) open in Chromium while the
 * deployment is ticked BENCH_WALL_TICKS_PER_SEC times a second (default 2) for BENCH_WALL_MINUTES
 * (default 60, the hour): the page's JS heap after a forced garbage collection and its DOM
 * node count, at the start and once a minute. Flat is the goal; growth per hour is the number.
 */
import { chromium } from '@playwright/test';
import { makeTickRoom } from './lib/app-target';
import { benchServer, round, type BenchResult } from './lib/harness';

const minutes = Number(process.env.BENCH_WALL_MINUTES ?? 60);
const ticksPerSec = Number(process.env.BENCH_WALL_TICKS_PER_SEC ?? 2);

export async function run(): Promise<BenchResult[]> {
  const server = await benchServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    const ticks = Math.ceil(minutes * 60 * ticksPerSec);
    const room = await makeTickRoom(ticks);
    const auth = { authorization: `Bearer ${room.token}`, 'content-type': 'application/json' };
    const shareUrl = `${server.baseUrl}/api/deployments/${room.deploymentId}/share-links`;
    const link = (await (await fetch(shareUrl, { method: 'POST', headers: auth, body: '{}' })).json()) as {
      token: string;
    };
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.baseUrl}/status/${link.token}/wall`);
    await page.getByTestId('wall').getByRole('status').filter({ hasText: 'live' }).waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const sample = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const of = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
      return { heapMb: of('JSHeapUsedSize') / 2 ** 20, nodes: of('Nodes') };
    };

    const first = await sample();
    const samples = [first];
    const started = performance.now();
    let sent = 0;
    let nextSample = 60_000;
    while (sent < ticks) {
      const due = Math.floor(((performance.now() - started) / 1000) * ticksPerSec);
      while (sent < Math.min(due, ticks)) {
        await fetch(`${server.baseUrl}/api/deployments/${room.deploymentId}/items/${room.itemIds[sent]}`, {
          method: 'PATCH',
          headers: auth,
          body: JSON.stringify({ status: 'done', version: 1 }),
        });
        sent += 1;
      }
      if (performance.now() - started >= nextSample) {
        samples.push(await sample());
        nextSample += 60_000;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The wall shows the last tick (100 %) by itself, then the final sample.
    await page.getByTestId('wall-progress').filter({ hasText: '100%' }).waitFor({ timeout: 60_000 });
    const last = await sample();
    const hours = (performance.now() - started) / 3_600_000;
    return [
      {
        name: `wall-memory-${minutes}min`,
        ticks: sent,
        heapStartMb: round(first.heapMb, 2),
        heapEndMb: round(last.heapMb, 2),
        heapMaxMb: round(Math.max(...samples.map((s) => s.heapMb), last.heapMb), 2),
        heapGrowthMbPerHour: round((last.heapMb - first.heapMb) / hours, 2),
        // One sample a minute: a leak climbs steadily, warming up levels off.
        heapByMinuteMb: [...samples, last].map((s) => round(s.heapMb, 2)).join(' '),
        domNodesStart: first.nodes,
        domNodesEnd: last.nodes,
        caughtUp: true,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
