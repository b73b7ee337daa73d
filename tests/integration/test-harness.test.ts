import { execFile } from 'node:child_process';
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
  const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, ['scripts/test.mjs'], { env }, (_error, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('need PostgreSQL');
  expect(run.stderr).toContain('DATABASE_URL=postgresql://');
  expect(run.stdout).not.toContain('▶ integration');
});
