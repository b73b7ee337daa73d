// Runs the Prisma CLI without the native engine download (see docs/architecture.md, "Prisma here").
// The preload unrefs the WebAssembly schema engine's long timers so the CLI exits when done.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the CLI; with `quiet`, its output is shown only when it fails. */
export function runPrisma(args, env = process.env, { quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--require',
        path.join(root, 'scripts/unref-timers.cjs'),
        path.join(root, 'node_modules/prisma/build/index.js'),
        ...args,
      ],
      { cwd: root, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' },
    );
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma ${args.join(' ')} exited with ${code}\n${output}`)),
    );
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  // generate needs no database; give it a placeholder so the config can load.
  const env = { ...process.env };
  if (!env.DATABASE_URL) env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/warroom';
  runPrisma(args, env).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
