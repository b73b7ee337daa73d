import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { itemsOf, makeDeployment, makeToken, makeUser } from '../../lib/server/seed/factories';
import { serverNodeFlags } from '../../scripts/server-command.mjs';
import { freePort } from '../../scripts/test-env.mjs';
import type { FanoutTarget } from './fanout';

/** A deployment with one IC item per tick to send, and the IC's API token. */
export async function makeTickRoom(ticks: number) {
  const ic = await makeUser({ name: 'Bench IC' });
  const token = await makeToken(ic.id);
  const items = Array.from({ length: ticks }, (_, i) => ({ title: `step ${i}`, roleKey: 'ic', children: [] as [] }));
  const deployment = await makeDeployment({
    definition: { name: 'bench', roles: [{ key: 'ic', name: 'IC', isIc: true }], phases: [{ title: 'Go', items }] },
    people: { ic: [ic.id] },
  });
  const rows = await itemsOf(deployment.id);
  return { token, deploymentId: deployment.id, itemIds: rows.map((r) => r.id) };
}

type Room = Awaited<ReturnType<typeof makeTickRoom>>;

type Server = { baseUrl: string; pid: number };

/** Ticks through the app's HTTP API on `writeUrl`; watchers connect to the given servers, spread evenly. */
export function appTarget(
  crew: Room,
  servers: Server | Server[],
  writeUrl = [servers].flat()[0].baseUrl,
): FanoutTarget {
  const all = [servers].flat();
  return {
    socketUrls: all.map((s) => s.baseUrl),
    pids: all.map((s) => s.pid),
    metricsUrls: all.map((s) => `${s.baseUrl}/metrics`),
    token: crew.token,
    deploymentId: crew.deploymentId,
    itemIds: crew.itemIds,
    tick: async (itemId) => {
      const response = await fetch(`${writeUrl}/api/deployments/${crew.deploymentId}/items/${itemId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${crew.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'done', version: 1 }),
      });
      return ((await response.json()) as { seq: number }).seq;
    },
  };
}

/** The bare socket.io server (bench/lib/bare-socket-server.ts) in a process of its own, with the app's V8 flags. */
export async function bareTarget(
  ticks: number,
  extraEnv: Record<string, string> = {},
): Promise<FanoutTarget & { stop: () => void }> {
  const port = await freePort();
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bare-socket-server.ts');
  const profile = process.env.BENCH_CPU_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, ...serverNodeFlags(), '--import', 'tsx', script], {
    env: { ...process.env, ...extraEnv, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`bare socket.io server exited with ${code}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    socketUrls: [baseUrl],
    pids: [child.pid!],
    deploymentId: 'bare',
    itemIds: Array.from({ length: ticks }, (_, i) => `bare-${i}`),
    tick: async (itemId) => {
      const response = await fetch(`${baseUrl}/tick`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ itemId, version: 2 }),
      });
      return ((await response.json()) as { seq: number }).seq;
    },
    // SIGTERM lets a CPU profile be written; the bare server keeps nothing to save.
    stop: () => child.kill(profile.length ? 'SIGTERM' : 'SIGKILL'),
  };
}
