/**
 * Two app processes sharing rooms through Redis: ticks written on process A, 1 000 watchers
 * connected to process B, 20 ticks/s. BENCH_REDIS_URL picks the Redis (default: the local one).
 */
import { appTarget, makeTickRoom } from './lib/app-target';
import { measureFanout } from './lib/fanout';
import { benchServers, type BenchResult } from './lib/harness';

export async function run(): Promise<BenchResult> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const ticksPerSec = 20;
  const pair = await benchServers(2, { REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' });
  try {
    const [a, b] = pair.servers;
    const room = await makeTickRoom(ticksPerSec * seconds);
    return await measureFanout(appTarget(room, b, a.baseUrl), { name: 'cross-process-redis-1000w-20tps', watchers: 1000, ticksPerSec });
  } finally {
    await pair.stop();
  }
}
