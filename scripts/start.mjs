// `npm start`: build once if there is no production build, then run the custom server
// (Next.js + socket.io on one port) in production mode.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { serverArgs } from './server-command.mjs';

if (!fs.existsSync('.next/BUILD_ID')) {
  const checked = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-env.ts'], { stdio: 'inherit' });
  if (checked.status !== 0) process.exit(checked.status ?? 1);
  console.log('No production build yet: running `next build` (about a minute, once)…');
  const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const child = spawn(process.execPath, serverArgs(), {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
