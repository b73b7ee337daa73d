/**
 * `npm run bench`: runs every benchmark module in bench/ (each exports `run()`), prints one JSON
 * line per result and a readable summary. `BENCH=tick-fanout,writes npm run bench` runs a subset.
 * Benchmarks need the production build and DATABASE_URL (each creates its own scratch database).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './lib/harness';

const here = path.dirname(fileURLToPath(import.meta.url));

async function main() {
  // Without it each benchmark failed alone with a bare "Invalid URL".
  if (!process.env.DATABASE_URL) {
    console.error(
      'npm run bench needs DATABASE_URL: a PostgreSQL server where it may create scratch databases, e.g. postgresql://postgres@127.0.0.1:5432/postgres',
    );
    process.exit(1);
  }
  const only = process.env.BENCH?.split(',');
  const modules = fs
    .readdirSync(here)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
    .filter((f) => !only || only.includes(f.replace(/\.ts$/, '')))
    .sort();
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
  console.log(JSON.stringify({ name: 'machine', ...machine }));
  const all: BenchResult[] = [];
  let failures = 0;
  for (const file of modules) {
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as {
      run?: () => Promise<BenchResult | BenchResult[]>;
    };
    if (typeof mod.run !== 'function') continue;
    try {
      const result = await mod.run();
      for (const r of Array.isArray(result) ? result : [result]) {
        console.log(JSON.stringify(r));
        all.push(r);
      }
    } catch (error) {
      failures += 1;
      console.log(JSON.stringify({ name: file.replace(/\.ts$/, ''), error: (error as Error).message }));
    }
  }
  console.log('\nSummary');
  for (const r of all) {
    const { name, ...metrics } = r;
    console.log(
      `  ${name.padEnd(34)} ${Object.entries(metrics)
        .map(([k, v]) => `${k}=${v}`)
        .join('  ')}`,
    );
  }
  process.exit(failures ? 1 : 0);
}

void main();
