/**
 * Tick → watcher latency and fan-out on one process: 1 000 watchers at 20 ticks/s, the same
 * beside a bare socket.io server serving the same messages from memory (the p99 ratio says
 * what the app adds), the same while webhook receivers hang, fan-out throughput with ticks offered
 * faster than the goal, and 5 000 watchers at 10 ticks/s — the last two beside the bare server too.
 */
import { webhookReceiver } from '../tests/support/webhook-receiver';
import { appTarget, bareTarget, makeTickRoom } from './lib/app-target';
import { fanoutSeconds, measureFanout, type FanoutScenario } from './lib/fanout';
import { benchServer, round, type BenchResult } from './lib/harness';

const seconds = fanoutSeconds();

type Prepared = { during: FanoutScenario['during']; stop: () => Promise<void> };

async function onApp(
  scenario: FanoutScenario,
  extraEnv: Record<string, string> = {},
  prepare?: (
    server: Awaited<ReturnType<typeof benchServer>>,
    crew: Awaited<ReturnType<typeof makeTickRoom>>,
  ) => Promise<Prepared>,
) {
  const server = await benchServer(extraEnv);
  let prepared: Prepared | undefined;
  try {
    const crew = await makeTickRoom(scenario.ticksPerSec * seconds);
    prepared = await prepare?.(server, crew);
    return await measureFanout(appTarget(crew, server), { ...scenario, during: prepared?.during });
  } finally {
    await server.stop();
    await prepared?.stop();
  }
}

async function onBare(scenario: FanoutScenario) {
  const bare = await bareTarget(scenario.ticksPerSec * seconds);
  try {
    return await measureFanout(bare, scenario);
  } finally {
    bare.stop();
  }
}

/** Ten webhooks whose receiver never answers, and a status update (which they all want) every second. */
async function hangingWebhooks(
  server: Awaited<ReturnType<typeof benchServer>>,
  crew: Awaited<ReturnType<typeof makeTickRoom>>,
) {
  const receiver = webhookReceiver({ '/hang': ['hang'] });
  const url = await receiver.start();
  const call = (path: string, body: unknown) =>
    fetch(`${server.baseUrl}/api/deployments/${crew.deploymentId}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${crew.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  for (let i = 0; i < 10; i++) await call('/webhooks', { url: `${url}/hang`, eventTypes: ['status.posted'] });
  return {
    during: (second: number) => void call('/status-updates', { message: `Second ${second}` }),
    stop: receiver.stop,
  };
}

const ratio = (name: string, app: BenchResult, bare: BenchResult): BenchResult => ({
  name,
  p99Ratio: round(Number(app.p99Ms) / Number(bare.p99Ms), 2),
  p50Ratio: round(Number(app.p50Ms) / Number(bare.p50Ms), 2),
});

export async function run(): Promise<BenchResult[]> {
  const base = { watchers: 1000, ticksPerSec: 20 };
  const app = await onApp({ name: 'tick-fanout-1000w-20tps', ...base });
  const bare = await onBare({ name: 'bare-socketio-1000w-20tps', ...base });
  const hanging = await onApp(
    { name: 'tick-fanout-1000w-20tps-webhooks-hanging', ...base },
    { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_TIMEOUT_MS: '600000', WEBHOOK_POLL_MS: '100' },
    hangingWebhooks,
  );
  // The crowd runs before the throughput scenario, which leaves this (load generator) process
  // with a large heap whose collection would land in the crowd's latencies.
  const crowd = { watchers: Number(process.env.BENCH_BIG_WATCHERS ?? 5000), ticksPerSec: 10 };
  const big = await onApp({ name: `tick-fanout-${crowd.watchers}w-10tps`, ...crowd });
  const bareBig = await onBare({ name: `bare-socketio-${crowd.watchers}w-10tps`, ...crowd });
  // Throughput: ticks offered faster than 30 000 deliveries/s would need; deliveriesPerSec counts
  // until the last delivery arrived, so a server that falls behind shows it.
  const fast = { watchers: 1000, ticksPerSec: Number(process.env.BENCH_FAST_TPS ?? 50) };
  const throughput = await onApp({ name: `fanout-throughput-1000w-${fast.ticksPerSec}tps`, ...fast });
  const bareThroughput = await onBare({ name: `bare-socketio-throughput-1000w-${fast.ticksPerSec}tps`, ...fast });
  return [
    app,
    bare,
    ratio('tick-fanout-vs-bare-socketio', app, bare),
    hanging,
    { name: 'tick-fanout-webhooks-hanging-vs-none', p99Ratio: round(Number(hanging.p99Ms) / Number(app.p99Ms), 2) },
    big,
    bareBig,
    ratio(`tick-fanout-${crowd.watchers}w-vs-bare-socketio`, big, bareBig),
    throughput,
    bareThroughput,
  ];
}
