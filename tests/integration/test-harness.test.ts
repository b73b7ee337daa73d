import { expect, it } from 'vitest';
import { createTestDatabase } from '../../scripts/test-env.mjs';

// `npm test` without DATABASE_URL runs on embedded databases: a run whose tests failed must still
// exit with a failure after they are dropped (PGlite's close sets process.exitCode to 0).
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
