/**
 * The cold first seconds: a server started a moment ago, 1 000 watchers, 20 ticks/s for the first
 * five seconds of ticks; then, on the same server, five more seconds once it is warm. Issue 15's
 * goal: the cold p99 at most 2× the warm p99 of the same run. The bare socket.io yardstick does
 * the same. Run with the server's warm-up (lib/server/warm-up.ts) and without it (WARM_UP=false).
 * BENCH_COLD_SECONDS sets the window (default 5).
 */
import { appTarget, bareTarget, makeTickRoom } from './lib/app-target';
import { measureFanout } from './lib/fanout';
import { benchServer, round, type BenchResult } from './lib/harness';

const seconds = Number(process.env.BENCH_COLD_SECONDS ?? 5);
const base = { watchers: 1000, ticksPerSec: 20 };

const ratio = (name: string, cold: BenchResult, warm: BenchResult): BenchResult => ({
  name,
  p99Ratio: round(Number(cold.p99Ms) / Number(warm.p99Ms), 2),
  goalRatio: 2,
  met: Number(cold.p99Ms) <= 2 * Number(warm.p99Ms),
});

/** A fresh server: the first `seconds` of ticks, then as many once warm, on rooms made beforehand. */
async function coldThenWarm(label: string, env: Record<string, string>): Promise<BenchResult[]> {
  const ticks = base.ticksPerSec * seconds;
  const server = await benchServer(env);
  try {
    // Two rooms made before the first tick: the second run must not pay for writing its room.
    const first = await makeTickRoom(ticks);
    const second = await makeTickRoom(ticks);
    const cold = await measureFanout(appTarget(first, server), { name: `${label}-first-${seconds}s`, ...base });
    const warm = await measureFanout(appTarget(second, server), { name: `${label}-warm-${seconds}s`, ...base });
    return [cold, warm, ratio(`${label}-cold-vs-warm`, cold, warm)];
  } finally {
    await server.stop();
  }
}

export async function run(): Promise<BenchResult[]> {
  const ticks = base.ticksPerSec * seconds;
  const warmedUp = await coldThenWarm('cold-start', {});
  const notWarmedUp = await coldThenWarm('cold-start-no-warm-up', { WARM_UP: 'false' });
  const bare = await bareTarget(ticks * 2);
  try {
    const half = (from: number) => ({ ...bare, itemIds: bare.itemIds.slice(from, from + ticks) });
    const cold = await measureFanout(half(0), { name: `bare-socketio-first-${seconds}s`, ...base });
    const warm = await measureFanout(half(ticks), { name: `bare-socketio-warm-${seconds}s`, ...base });
    return [...warmedUp, ...notWarmedUp, cold, warm, ratio('bare-socketio-cold-vs-warm', cold, warm)];
  } finally {
    bare.stop();
  }
}
