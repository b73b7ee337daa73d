// `npm test`: every test, in the order a failure is cheapest to find. Lint, format, types and unit tests,
// then the production build, integration tests against real PostgreSQL (DATABASE_URL, else the server
// on 127.0.0.1:5432), and Playwright e2e against the real custom server. (The fresh-clone smoke,
// `npm run test:smoke`, reinstalls and rebuilds from scratch: CI runs it after this.)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const results = path.resolve('test-results');
const bin = (name) => path.resolve('node_modules/.bin', name);

// Steps in one inner list run side by side (the static checks are single-threaded and the machine
// may have cores to spare: ~70 s one after another, 37–50 s together on two cores); their output is
// held and printed whole, in this order, when the last of them ends.
const steps = [
  [
    { name: 'lint', cmd: bin('eslint'), args: ['.'] },
    { name: 'format', cmd: bin('prettier'), args: ['--check', '.', '--log-level', 'warn'] },
    // `next typegen && tsc --noEmit`: Next's route types first, so routes and pages are checked as
    // the build would have (it no longer does: next.config.js).
    { name: 'typecheck', cmd: 'npm', args: ['run', '--silent', 'typecheck'] },
  ],
  {
    name: 'unit',
    cmd: bin('vitest'),
    args: [
      'run',
      '--project',
      'unit',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results}/unit.json`,
    ],
  },
  { name: 'build', cmd: bin('next'), args: ['build'], env: { NODE_ENV: 'production' } },
  {
    name: 'integration',
    cmd: bin('vitest'),
    args: [
      'run',
      '--project',
      'integration',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results}/integration.json`,
    ],
  },
  {
    name: 'e2e',
    cmd: bin('playwright'),
    args: ['test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/e2e.json` },
  },
];

const only = process.env.TEST_STEPS?.split(',');

/** The PostgreSQL server on this machine's usual address, as CI and most developers run it. */
const LOCAL_POSTGRES = `postgresql://${process.env.PGUSER ?? 'postgres'}@127.0.0.1:5432/postgres`;

/**
 * Integration and e2e tests run against real PostgreSQL: DATABASE_URL's server, else the one on
 * 127.0.0.1:5432 when it answers. The embedded database serves the demo, not the suite: PGlite has
 * one user (the two-role audit test cannot pass there) and one session that the test process and
 * the server under test would share mid-statement. Without either, the run stops here and says so.
 */
async function choosePostgres() {
  if (process.env.DATABASE_URL) return true;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: LOCAL_POSTGRES, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    process.env.DATABASE_URL = LOCAL_POSTGRES;
    console.log(`DATABASE_URL is unset: the tests use the PostgreSQL server at ${LOCAL_POSTGRES}.`);
    return true;
  } catch (error) {
    console.error(
      [
        `✖ The integration and e2e tests need PostgreSQL, and DATABASE_URL is unset and ${LOCAL_POSTGRES} did not answer (${error.message}).`,
        '  Start PostgreSQL on 127.0.0.1:5432, or set DATABASE_URL to a server where the tests may create databases:',
        '    DATABASE_URL=postgresql://user:pass@host:5432/postgres npm test',
        '  Without a database: TEST_STEPS=lint,format,typecheck,unit,build npm test',
      ].join('\n'),
    );
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const needsDatabase = ['integration', 'e2e'].some((name) => !only || only.includes(name));
if (needsDatabase && !(await choosePostgres())) process.exit(1);

// Only now, once the run will happen: a refused run leaves the last run's results as they were.
fs.mkdirSync(results, { recursive: true });
for (const file of ['unit.json', 'integration.json', 'e2e.json']) fs.rmSync(path.join(results, file), { force: true });
const timings = [];
let failed = null;

/** Runs one step; `held`: its output is gathered and returned rather than shown as it comes. */
function run(step, held) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, {
      stdio: held ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...step.env },
    });
    let output = '';
    if (held) for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (code) => resolve({ step, ok: code === 0, output, seconds: (Date.now() - started) / 1000 }));
  });
}

for (const group of steps.map((entry) => (Array.isArray(entry) ? entry : [entry]))) {
  const chosen = group.filter((step) => !only || only.includes(step.name));
  if (chosen.length === 0) continue;
  const held = chosen.length > 1;
  console.log(`\n▶ ${chosen.map((step) => step.name).join(' · ')}`);
  const results = await Promise.all(chosen.map((step) => run(step, held)));
  for (const result of results) {
    if (held && result.output) console.log(`\n── ${result.step.name}\n${result.output.trimEnd()}`);
    timings.push(`${result.step.name} ${Math.round(result.seconds)} s`);
    if (!result.ok) failed ??= result.step.name;
  }
  if (failed) break;
}

function counts(file, kind) {
  try {
    const data = JSON.parse(fs.readFileSync(path.join(results, file), 'utf8'));
    if (kind === 'vitest') return { passed: data.numPassedTests, failed: data.numFailedTests };
    return { passed: data.stats.expected, failed: data.stats.unexpected + data.stats.flaky };
  } catch {
    return { passed: 0, failed: 0 };
  }
}
const total = [
  counts('unit.json', 'vitest'),
  counts('integration.json', 'vitest'),
  counts('e2e.json', 'playwright'),
].reduce((sum, c) => ({ passed: sum.passed + c.passed, failed: sum.failed + c.failed }), { passed: 0, failed: 0 });
console.log(`\nSteps: ${timings.join(' · ')}`);
if (failed) console.log(`✖ ${failed} failed`);
console.log(`${total.passed} passed, ${total.failed + (failed && total.failed === 0 ? 1 : 0)} failed`);
process.exit(failed ? 1 : 0);
