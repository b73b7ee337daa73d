/**
 * Does an import stall the room? 200 watchers at 10 ticks/s while three 5 000-item runbooks are
 * parsed at once over HTTP (`POST /api/runbooks/parse`, on the server's CPU pool), started at the
 * first second and again whenever the previous three have answered. Beside the same room with no
 * import, and the bare socket.io yardstick, in the same run (issue 15: p99 ≤ 150 ms).
 */
import { generateRunbook } from '../lib/domain/runbook';
import { appTarget, bareTarget, makeTickRoom } from './lib/app-target';
import { fanoutSeconds, measureFanout, type FanoutScenario } from './lib/fanout';
import { benchServer, round, type BenchResult } from './lib/harness';

const IMPORTS_AT_ONCE = 3;

async function onApp(scenario: FanoutScenario, importing: boolean): Promise<BenchResult> {
  const server = await benchServer();
  const markdown = generateRunbook(Number(process.env.BENCH_RUNBOOK_ITEMS ?? 5000));
  let imports = 0;
  let refused = 0;
  let busy = false;
  try {
    const crew = await makeTickRoom(scenario.ticksPerSec * fanoutSeconds());
    const parse = async () => {
      const response = await fetch(`${server.baseUrl}/api/runbooks/parse`, {
        method: 'POST',
        headers: { authorization: `Bearer ${crew.token}`, 'content-type': 'text/markdown' },
        body: markdown,
      });
      await response.arrayBuffer();
      if (response.ok) imports += 1;
      else refused += 1;
    };
    // A new round of three only when the last one has answered: the load stays "three at once".
    const during = (second: number) => {
      if (!importing || busy || second < 1) return;
      busy = true;
      void Promise.all(Array.from({ length: IMPORTS_AT_ONCE }, parse)).finally(() => (busy = false));
    };
    const result = await measureFanout(appTarget(crew, server), { ...scenario, during });
    return importing ? { ...result, imports, refusedImports: refused } : result;
  } finally {
    await server.stop();
  }
}

export async function run(): Promise<BenchResult[]> {
  const base = { watchers: 200, ticksPerSec: 10 };
  const importing = await onApp({ name: 'tick-200w-10tps-3-imports', ...base }, true);
  const quiet = await onApp({ name: 'tick-200w-10tps-no-import', ...base }, false);
  const bare = await bareTarget(base.ticksPerSec * fanoutSeconds());
  let yardstick: BenchResult;
  try {
    yardstick = await measureFanout(bare, { name: 'bare-socketio-200w-10tps', ...base });
  } finally {
    bare.stop();
  }
  return [
    importing,
    quiet,
    yardstick,
    {
      name: 'tick-during-imports-vs-none',
      p99Ratio: round(Number(importing.p99Ms) / Number(quiet.p99Ms), 2),
      goalP99Ms: 150,
      met: Number(importing.p99Ms) <= 150,
    },
  ];
}
