/**
 * A crowd connecting at once (issue 15): N signed-in sockets open in bursts of 100 every 50 ms
 * with socket.io-client's defaults (polling first, then the upgrade; 20 s timeout) and subscribe
 * to one deployment — once all on one API token, once each with their own user and token — and
 * the same storm against the bare socket.io yardstick in the same run (no auth, no database).
 * BENCH_STORM_SOCKETS (default 1 000) sizes the storm, BENCH_STORM_BIG (default 5 000, 0 skips)
 * the large one; BENCH_STORM_TRANSPORTS=websocket skips the polling start; BENCH_STORM_CASES
 * picks some of bare, one-token, distinct-users. Each storm starts once its server has settled
 * (see `settled`): a crowd arriving in the first seconds after a start is restart-reconnect's.
 */
import { bareTarget } from './lib/app-target';
import { makeCrowdRoom } from './lib/crowd';
import { benchServer, round, settled, type BenchResult } from './lib/harness';
import { measureStorm, type StormScenario } from './lib/storm';

const transports = process.env.BENCH_STORM_TRANSPORTS?.split(',');

async function onApp(scenario: StormScenario, distinctUsers: boolean): Promise<BenchResult> {
  const server = await benchServer();
  try {
    const room = await makeCrowdRoom(distinctUsers ? scenario.sockets : 0);
    // The storm meets a server in its steady state, as the bare yardstick is from its first
    // moment: the app's warm-up (~1.2 s after ready) would otherwise overlap the one-token storm,
    // whose room takes no time to make, and not the distinct-users one.
    await settled(server.pid);
    const tokens = distinctUsers ? room.tokens : [room.icToken];
    return await measureStorm(
      { url: server.baseUrl, pid: server.pid, tokens, deploymentId: room.deploymentId },
      { transports, ...scenario },
    );
  } finally {
    await server.stop();
  }
}

async function onBare(scenario: StormScenario): Promise<BenchResult> {
  const bare = await bareTarget(0, { BARE_TRANSPORTS: 'polling,websocket' });
  try {
    return await measureStorm(
      { url: bare.socketUrls[0], pid: bare.pids[0], tokens: ['bare'], deploymentId: 'bare' },
      { transports, ...scenario },
    );
  } finally {
    bare.stop();
  }
}

const ratio = (name: string, app: BenchResult, bare: BenchResult): BenchResult => ({
  name,
  p99Ratio: round(Number(app.p99Ms) / Number(bare.p99Ms), 2),
  p50Ratio: round(Number(app.p50Ms) / Number(bare.p50Ms), 2),
});

export async function run(): Promise<BenchResult[]> {
  const n = Number(process.env.BENCH_STORM_SOCKETS ?? 1000);
  const big = Number(process.env.BENCH_STORM_BIG ?? 5000);
  const results: BenchResult[] = [];
  // BENCH_STORM_CASES=bare,one-token picks some of bare, one-token, distinct-users.
  const cases = (process.env.BENCH_STORM_CASES ?? 'bare,one-token,distinct-users').split(',');
  for (const sockets of big > 0 ? [n, big] : [n]) {
    // Bare first, then the app: the yardstick for the runs after it, on the same machine.
    const bare = cases.includes('bare') && (await onBare({ name: `bare-socketio-storm-${sockets}`, sockets }));
    for (const distinct of [false, true]) {
      const label = distinct ? 'distinct-users' : 'one-token';
      if (!cases.includes(label)) continue;
      const app = await onApp({ name: `connect-storm-${sockets}-${label}`, sockets }, distinct);
      results.push(app);
      if (bare) results.push(ratio(`connect-storm-${sockets}-${label}-vs-bare`, app, bare));
    }
    if (bare) results.unshift(bare);
  }
  return results;
}
