import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createTestDatabase } from '../../scripts/test-env.mjs';

// Tests and benchmarks run directly (vitest, `npm run bench`) without DATABASE_URL use embedded
// databases: a run whose tests failed must still exit with a failure after they are dropped
// (PGlite's close sets process.exitCode to 0).
it('keeps a failed run failed when an embedded test database is dropped', async () => {
  const before = { exitCode: process.exitCode, poolSize: process.env.DB_POOL_SIZE };
  const database = await createTestDatabase('harness', null);
  try {
    process.exitCode = 1;
    await database.drop();
    expect(process.exitCode).toBe(1);
  } finally {
    process.exitCode = before.exitCode;
    // Set for the embedded database (one session); the files after this one run on PostgreSQL.
    if (before.poolSize === undefined) delete process.env.DB_POOL_SIZE;
    else process.env.DB_POOL_SIZE = before.poolSize;
  }
});

// `npm test` without DATABASE_URL uses the PostgreSQL server on 127.0.0.1:5432; when that does not
// answer either, it stops before running anything and says what to do, rather than running the
// suite on the embedded database, where it cannot pass.
it('stops `npm test` with instructions when no PostgreSQL answers', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, TEST_STEPS: 'integration', PGUSER: 'warroom_no_such_role' };
  delete env.DATABASE_URL;
  delete env.TEST_RUN_DATABASE_URL;
  // The run this test is part of keeps its results there (npm test's unit step has written
  // unit.json by now): a refused run must not touch them. Run alone, the test puts one there.
  const unitResults = path.resolve('test-results', 'unit.json');
  const ours = !fs.existsSync(unitResults);
  if (ours) {
    fs.mkdirSync(path.dirname(unitResults), { recursive: true });
    fs.writeFileSync(unitResults, '{}');
  }
  const before = fs.readFileSync(unitResults, 'utf8');
  const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, ['scripts/test.mjs'], { env }, (_error, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('need PostgreSQL');
  expect(run.stderr).toContain('DATABASE_URL=postgresql://');
  expect(run.stdout).not.toContain('▶ integration');
  try {
    expect(fs.readFileSync(unitResults, 'utf8')).toBe(before);
  } finally {
    if (ours) fs.rmSync(unitResults, { force: true });
  }
});
