/**
 * Two app processes sharing rooms through Redis: ticks written on process A, 1 000 watchers
 * connected to process B, 20 ticks/s; then 5 000 watchers spread over both at 10 ticks/s (does
 * a second process help the crowd?). BENCH_REDIS_URL picks the Redis (default: the local one).
 */
import { appTarget, makeTickRoom } from './lib/app-target';
import { fanoutSeconds, measureFanout } from './lib/fanout';
import { benchServers, type BenchResult } from './lib/harness';

const seconds = fanoutSeconds();

async function onTwoProcesses(
  scenario: { name: string; watchers: number; ticksPerSec: number },
  spread: boolean,
): Promise<BenchResult> {
  const pair = await benchServers(2, { REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' });
  try {
    const [a, b] = pair.servers;
    const crew = await makeTickRoom(scenario.ticksPerSec * seconds);
    return await measureFanout(appTarget(crew, spread ? [a, b] : b, a.baseUrl), scenario);
  } finally {
    await pair.stop();
  }
}

export async function run(): Promise<BenchResult[]> {
  const watchers = Number(process.env.BENCH_BIG_WATCHERS ?? 5000);
  return [
    await onTwoProcesses({ name: 'cross-process-redis-1000w-20tps', watchers: 1000, ticksPerSec: 20 }, false),
    await onTwoProcesses({ name: `two-processes-redis-${watchers}w-10tps`, watchers, ticksPerSec: 10 }, true),
  ];
}
