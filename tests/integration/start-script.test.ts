import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/** A checkout with no production build yet: what a new user has before their first `npm start`. */
function checkoutWithoutBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warroom-start-'));
  for (const name of ['node_modules', 'scripts', 'lib', 'package.json', 'tsconfig.json'])
    fs.symlinkSync(path.resolve(name), path.join(dir, name));
  return dir;
}

function npmStart(cwd: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd, env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('names a bad setting before it spends a minute on the first build, and builds nothing', async () => {
    dir = checkoutWithoutBuild();
    const { code, stderr } = await npmStart(dir, { PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT: expected a whole number from 0 to 65535');
    expect(fs.existsSync(path.join(dir, '.next'))).toBe(false);
  });
});
