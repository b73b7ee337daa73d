// Fresh-clone smoke: clone this repository into a temporary folder, run the README's two
// commands (`npm install && npm start`) with no DATABASE_URL, and check that the embedded
// database serves a healthy app with the demo war crew.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './test-env.mjs';

const source = process.cwd();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warroom-smoke-'));
const env = { ...process.env };
for (const key of ['DATABASE_URL', 'BETTER_AUTH_URL', 'BETTER_AUTH_SECRET', 'WARROOM_DATA_DIR', 'NODE_ENV'])
  delete env[key];

function step(message) {
  console.log(`smoke: ${message}`);
}

async function waitFor(url, deadline, child) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return response.json();
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer in time`);
}

let child;
try {
  step(`cloning into ${dir}`);
  execFileSync('git', ['clone', '--quiet', source, dir], { stdio: 'inherit' });
  step('npm install');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: dir,
    env,
    stdio: 'inherit',
  });
  const port = await freePort();
  step(`npm start on port ${port}`);
  child = spawn('npm', ['start'], {
    cwd: dir,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  const health = await waitFor(`${base}/api/health`, Date.now() + 8 * 60_000, child);
  if (health.status !== 'ok' || health.db !== 'ok') throw new Error(`health: ${JSON.stringify(health)}`);
  if (!/ic@warroom\.local/.test(output)) throw new Error('the console did not print the demo accounts');
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` },
    body: JSON.stringify({ email: 'ic@warroom.local', password: 'warroom-demo' }),
  });
  if (!signIn.ok) throw new Error(`demo sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const list = await (await fetch(`${base}/api/deployments`, { headers: { cookie } })).json();
  const demo = list.deployments?.find((d) => d.name === 'Payments API v2.4.0');
  if (!demo) throw new Error(`demo deployment missing: ${JSON.stringify(list)}`);
  // Writes on the embedded database (one connection): three ticks at once, each acknowledged.
  const detail = await (await fetch(`${base}/api/deployments/${demo.id}`, { headers: { cookie } })).json();
  const flat = (items) => items.flatMap((item) => [item, ...flat(item.children ?? [])]);
  const pending = detail.phases
    .flatMap((phase) => flat(phase.items))
    .filter((item) => item.status === 'pending')
    .slice(0, 3);
  if (pending.length < 3) throw new Error('the demo deployment has fewer than three pending items');
  const ticks = await Promise.all(
    pending.map((item) =>
      fetch(`${base}/api/deployments/${demo.id}/items/${item.id}`, {
        method: 'PATCH',
        headers: { cookie, 'content-type': 'application/json', origin: base, 'idempotency-key': `smoke-${item.id}` },
        body: JSON.stringify({ status: 'done', version: item.version }),
        // A hang (the one embedded connection never released) fails the run instead of stalling it.
        signal: AbortSignal.timeout(120_000),
      }).then(async (response) => ({ status: response.status, body: await response.json() })),
    ),
  );
  const refused = ticks.filter((tick) => tick.status !== 200 || tick.body.item?.status !== 'done');
  if (refused.length) throw new Error(`ticks on the embedded database failed: ${JSON.stringify(refused)}`);
  // A parse runs on the CPU pool's worker thread, which loads lib/server/cpu-pool/worker.mjs by
  // path: it must be found from a fresh clone's `npm start` too.
  const parse = await fetch(`${base}/api/runbooks/parse`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'text/markdown', origin: base },
    body: '# Smoke\n\n## Prepare\n\n- [ ] Check the worker pool\n',
  });
  const parsed = await parse.json();
  if (parse.status !== 200 || parsed.stats?.items !== 1)
    throw new Error(`runbook parse on the CPU pool failed: ${parse.status} ${JSON.stringify(parsed)}`);
  step(
    `ok — health ${JSON.stringify(health)}, demo deployment ${demo.id}, ${ticks.length} ticks acknowledged (seq ${ticks.map((t) => t.body.seq).join(', ')})`,
  );
  console.log('1 passed, 0 failed');
} catch (error) {
  console.error(`smoke: FAILED — ${error.message}`);
  process.exitCode = 1;
} finally {
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // gone
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
