// `npm test`: every test, in the order a failure is cheapest to find. Lint, format, types and unit tests,
// then the production build, integration tests against real PostgreSQL (DATABASE_URL) or the
// embedded database, and Playwright e2e against the real custom server. (The fresh-clone smoke,
// `npm run test:smoke`, reinstalls and rebuilds from scratch: CI runs it after this.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const results = path.resolve('test-results');
fs.mkdirSync(results, { recursive: true });
for (const file of ['unit.json', 'integration.json', 'e2e.json']) fs.rmSync(path.join(results, file), { force: true });
const bin = (name) => path.resolve('node_modules/.bin', name);

const steps = [
  { name: 'lint', cmd: bin('eslint'), args: ['.'] },
  { name: 'format', cmd: bin('prettier'), args: ['--check', '.', '--log-level', 'warn'] },
  { name: 'typecheck', cmd: bin('tsc'), args: ['--noEmit'] },
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
const timings = [];
let failed = null;
for (const step of steps) {
  if (only && !only.includes(step.name)) continue;
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  const run = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
  timings.push(`${step.name} ${Math.round((Date.now() - started) / 1000)} s`);
  if (run.status !== 0) {
    failed = step.name;
    break;
  }
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
